'use client';

import { useState } from 'react';
import { saveCoveragePlan, type CourtSyncDb } from '@courtsync/client';
import { notifyError } from './notices';

/** "Follow" / "Following" on a match of the list, for coaches and media (F5). */
export function CoverageToggle({
  db,
  eventId,
  matchId,
  planned,
}: {
  db: CourtSyncDb;
  eventId: string;
  matchId: string;
  /** Every planned match of that event (the plan is replaced as a whole). */
  planned: readonly string[];
}) {
  const [busy, setBusy] = useState(false);
  const following = planned.includes(matchId);
  const toggle = async () => {
    setBusy(true);
    const next = following ? planned.filter((id) => id !== matchId) : [...planned, matchId];
    const ok = await saveCoveragePlan(db, eventId, next, (input, init) => fetch(input, init));
    setBusy(false);
    if (!ok) notifyError('Could not change your coverage plan');
  };
  return (
    <button
      type="button"
      className="plain-button follow"
      aria-pressed={following}
      data-testid={`follow-${matchId}`}
      disabled={busy}
      onClick={() => void toggle()}
    >
      {following ? 'Following' : 'Follow'}
    </button>
  );
}
