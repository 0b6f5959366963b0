import { TournamentCourts } from '@courtsync/ui/boards';

/** A tournament's courts: live match first, then next up; each opens its scorekeeper screen. */
export default async function TournamentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TournamentCourts tournamentId={id} />;
}
