import { TournamentLiveBoard } from '@courtsync/ui/boards';

/** The spectators' live board of every court of a tournament (F20). */
export default async function TournamentLivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TournamentLiveBoard tournamentId={id} />;
}
