import { ScorekeeperScreen } from '@courtsync/ui';

/** The scorekeeper's screen for one match; all data comes from the device (IndexedDB). */
export default async function MatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ScorekeeperScreen matchId={id} />;
}
