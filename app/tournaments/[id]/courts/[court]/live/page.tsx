import { CourtLiveBoard } from '@courtsync/ui/boards';

/** The spectators' live board of one court (F20). */
export default async function CourtLivePage({
  params,
}: {
  params: Promise<{ id: string; court: string }>;
}) {
  const { id, court } = await params;
  return <CourtLiveBoard tournamentId={id} court={decodeURIComponent(court)} />;
}
