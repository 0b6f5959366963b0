import { TournamentList } from '@courtsync/ui';

/** Home: the tournaments and their matches. */
export default function HomePage() {
  return (
    <main className="screen">
      <h1>Tournaments</h1>
      <TournamentList />
    </main>
  );
}
