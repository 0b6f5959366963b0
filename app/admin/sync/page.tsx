import type { Metadata } from 'next';
import { SyncDashboard } from '@courtsync/ui/admin';
import './admin.css';

export const metadata: Metadata = { title: 'Sync monitoring · CourtSync' };

/** The admin's sync dashboard (F36): its own route, so recharts loads only here. */
export default function SyncAdminPage() {
  return <SyncDashboard />;
}
