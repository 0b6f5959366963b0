import { AdminPanel } from '@courtsync/ui';

/** The admin's desk: claims and their handover, the review list (F4). The API checks the role. */
export default function AdminPage() {
  return (
    <main className="screen">
      <h1>Admin</h1>
      <AdminPanel />
    </main>
  );
}
