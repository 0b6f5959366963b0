import { CourtSyncDb } from './courtsync-db';
import {
  plannedFirst,
  readPlannedMatchIds,
  refreshCoveragePlan,
  saveCoveragePlan,
} from './coverage-plans';

describe('coverage plans on the device (F5)', () => {
  it('keeps the plan per event and lists planned matches first', async () => {
    const db = new CourtSyncDb(`coverage-${Date.now()}`);
    let saved: string[] = ['m2'];
    const fetchFn: typeof fetch = async (_input, init) => {
      if (init?.method === 'PUT')
        saved = (JSON.parse(String(init.body)) as { selectedMatches: string[] }).selectedMatches;
      return Response.json({ eventId: 'e1', selectedMatches: saved, updatedAt: null });
    };
    expect(await refreshCoveragePlan(db, 'e1', fetchFn)).toEqual(['m2']);
    expect(await saveCoveragePlan(db, 'e1', ['m3', 'm2'], fetchFn)).toBe(true);
    expect([...(await readPlannedMatchIds(db))].sort()).toEqual(['m2', 'm3']);
    const order = plannedFirst(
      [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }],
      await readPlannedMatchIds(db),
    );
    expect(order.map((m) => m.id)).toEqual(['m2', 'm3', 'm1']);
    // Not allowed (a scorekeeper): nothing changes on the device.
    const refused: typeof fetch = async () => new Response('', { status: 403 });
    expect(await refreshCoveragePlan(db, 'e1', refused)).toBeUndefined();
    expect((await readPlannedMatchIds(db)).size).toBe(2);
  });
});
