import Link from 'next/link';
/** Shown by the service worker for a page that was never opened online. */
export default function OfflinePage() {
  return (
    <main className="screen">
      <h1>You are offline</h1>
      <p>This page has not been opened on this device yet. Matches you opened before still work.</p>
      <p>
        <Link href="/">Back to the tournaments</Link>
      </p>
    </main>
  );
}
