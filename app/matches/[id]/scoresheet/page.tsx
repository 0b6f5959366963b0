import { ScoresheetView } from '@courtsync/ui/scoresheet';

/** The printable scoresheet of a match, with its CSV (F6). */
export default async function ScoresheetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ScoresheetView matchId={id} />;
}
