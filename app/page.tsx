import Link from 'next/link';
// Not the package's barrel: Next also loads this page's chunk with other screens (bench 8a).
import { TournamentList } from '@courtsync/ui/tournament-list';

/** Home: the tournaments and their matches. */
export default function HomePage() {
  return (
    <main className="screen">
      <h1>Tournaments</h1>
      <TournamentList />
      <p>
        <Link href="/device" prefetch={false} className="pill-link">
          Export or import this device&apos;s data
        </Link>
      </p>
    </main>
  );
}
