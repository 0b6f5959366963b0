import { LiveBoard } from '@courtsync/ui';

/** The read-only live view of one match for spectators (F20). */
export default async function LiveMatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <LiveBoard matchId={id} />;
}
