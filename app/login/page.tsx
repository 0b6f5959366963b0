import { LoginForm } from '@courtsync/ui';

/** Sign in (F21); `?next=` is where to go back to afterwards. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  return (
    <main className="screen">
      <h1>Sign in</h1>
      <LoginForm next={typeof next === 'string' ? next : undefined} />
    </main>
  );
}
