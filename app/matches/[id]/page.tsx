// Its own entry: the screen's first load carries no other screen (bench figure 8a).
import { ScorekeeperScreen } from '@courtsync/ui/scorekeeper';

/** The scorekeeper's screen for one match; all data comes from the device (IndexedDB). */
export default async function MatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ScorekeeperScreen matchId={id} />;
}
