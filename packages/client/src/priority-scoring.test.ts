import { fakeSyncServer } from './fake-sync-server';
import { flush } from './flush';
import { inProcessFlushLock } from './flush-lock';
import { nextBatch } from './outbox-batch';
import { scoreOp, type PriorityRule, type ScoringContext } from './priority-rules';
import { rescoreOutbox, setPriority, stepLevel } from './outbox-rescore';
import { saveRule, setRuleEnabled, deleteRule, readRules } from './priority-store';
import { setPlannedMatchIds } from './coverage-plan';
import { record } from './record';
import { freshDb, seedLocalMatch } from './test-support';
import type { CourtSyncDb } from './courtsync-db';

async function device(...matches: string[]) {
  const db = freshDb();
  for (const id of matches) await seedLocalMatch(db, id);
  return db;
}

const rally = (db: CourtSyncDb, matchId: string, winner: 'A' | 'B' = 'A') =>
  record(db, { matchId, type: 'rally', payload: { winner } });

/** The order a flush would send: `match:seq` for every pending op. */
async function sendOrder(db: CourtSyncDb) {
  return (await nextBatch(db, 500, new Set())).map((e) => `${e.matchId}:${e.seq}`);
}

/** Checks that every match's ops come in seq order within `order`. */
function expectMatchOrderKept(order: string[]) {
  const last = new Map<string, number>();
  for (const item of order) {
    const [match, seq] = item.split(':');
    expect(Number(seq)).toBeGreaterThan(last.get(match!) ?? 0);
    last.set(match!, Number(seq));
  }
}

const ctx = (over: Partial<ScoringContext> = {}): ScoringContext => ({
  type: 'rally',
  matchId: 'm1',
  priority: 'normal',
  matchLive: false,
  inCoveragePlan: false,
  ageMs: 0,
  ...over,
});

describe('rule scoring', () => {
  const rules: PriorityRule[] = [
    {
      id: 'a',
      name: 'live',
      enabled: true,
      conditions: [{ kind: 'matchLive', is: true }],
      points: 25,
    },
    {
      id: 'b',
      name: 'plan',
      enabled: true,
      conditions: [{ kind: 'inCoveragePlan', is: true }],
      points: 20,
    },
    {
      id: 'c',
      name: 'old undo',
      enabled: true,
      conditions: [
        { kind: 'opType', type: 'undo' },
        { kind: 'ageAtLeast', minutes: 10 },
      ],
      points: 7,
    },
    {
      id: 'd',
      name: 'off',
      enabled: false,
      conditions: [{ kind: 'match', matchId: 'm1' }],
      points: 500,
    },
    {
      id: 'e',
      name: 'not m2',
      enabled: true,
      conditions: [{ kind: 'match', matchId: 'm2' }],
      points: -40,
    },
  ];

  it('adds the points of every enabled rule whose conditions all hold to the level base', () => {
    expect(scoreOp(ctx(), rules)).toBe(50);
    expect(scoreOp(ctx({ priority: 'high', matchLive: true }), rules)).toBe(125);
    expect(scoreOp(ctx({ priority: 'low', inCoveragePlan: true }), rules)).toBe(20);
    expect(scoreOp(ctx({ type: 'undo', ageMs: 9 * 60_000 }), rules)).toBe(50);
    expect(scoreOp(ctx({ type: 'undo', ageMs: 10 * 60_000 }), rules)).toBe(57);
    expect(scoreOp(ctx({ matchId: 'm2' }), rules)).toBe(10);
  });

  it('scores a tap with the default rules: a live match gets +25, a planned one +20', async () => {
    const db = await device('m1', 'm2');
    await setPlannedMatchIds(db, ['m2']);
    await rally(db, 'm1');
    await rally(db, 'm2');
    const [a, b] = await db.outbox.orderBy('seq').toArray();
    expect([a!.priority, a!.ownScore, a!.score, a!.rank]).toEqual(['normal', 75, 75, -75]);
    expect([b!.ownScore, b!.score]).toEqual([95, 95]);
    expect(await sendOrder(db)).toEqual(['m2:2', 'm1:1']);
  });
});

describe('priority order', () => {
  it('sends the highest score first and keeps every match in its own order', async () => {
    const db = await device('high', 'normal', 'low');
    for (let i = 0; i < 3; i += 1) {
      await rally(db, 'low');
      await rally(db, 'normal');
      await rally(db, 'high');
    }
    await setPriority(db, { matchId: 'high' }, 'high');
    await setPriority(db, { matchId: 'low' }, 'low');
    const order = await sendOrder(db);
    expect(order.map((o) => o.split(':')[0])).toEqual([
      ...['high', 'high', 'high', 'normal', 'normal', 'normal', 'low', 'low', 'low'],
    ]);
    expectMatchOrderKept(order);
  });

  it('a tap never rises above the ops queued before it in its match (order at once)', async () => {
    const db = await device('m1', 'm2');
    await rally(db, 'm1');
    await setPriority(db, { matchId: 'm1' }, 'low');
    // A rule that gives undos a lot: the undo must still wait behind the low rally.
    await saveRule(db, {
      id: 'undo-first',
      name: 'Undo first',
      enabled: true,
      conditions: [{ kind: 'opType', type: 'undo' }],
      points: 200,
    });
    await rally(db, 'm2');
    await record(db, { matchId: 'm1', type: 'undo' });
    const undo = (await db.outbox.orderBy('seq').last())!;
    expect([undo.ownScore, undo.score]).toEqual([275, 25]);
    expect(await sendOrder(db)).toEqual(['m2:2', 'm1:1', 'm1:3']);
    // A rescore raises the earlier op to the undo's score: the whole match goes first.
    await rescoreOutbox(db);
    expect(await sendOrder(db)).toEqual(['m1:1', 'm1:3', 'm2:2']);
  });

  it('moving one op up or down rescores its match; levels step within high…low', async () => {
    const db = await device('m1', 'm2');
    await rally(db, 'm1');
    await rally(db, 'm2');
    await rally(db, 'm2');
    const last = (await db.outbox.orderBy('seq').last())!;
    await setPriority(db, { opId: last.opId }, 'high');
    // The earlier op of m2 inherits the later op's score: m2 goes first, in order.
    expect(await sendOrder(db)).toEqual(['m2:2', 'm2:3', 'm1:1']);
    expect(stepLevel('high', 'up')).toBe('high');
    expect(stepLevel('normal', 'down')).toBe('low');
    expect(stepLevel('low', 'down')).toBe('low');
  });

  it('rules the user creates, disables and deletes change the next order', async () => {
    const db = await device('m1', 'm2');
    await rally(db, 'm1');
    await rally(db, 'm2');
    expect(await sendOrder(db)).toEqual(['m1:1', 'm2:2']);
    const rule: PriorityRule = {
      id: 'court-2',
      name: 'Court 2 first',
      enabled: true,
      conditions: [{ kind: 'match', matchId: 'm2' }],
      points: 30,
    };
    await saveRule(db, rule);
    expect(await sendOrder(db)).toEqual(['m2:2', 'm1:1']);
    await setRuleEnabled(db, 'court-2', false);
    expect(await sendOrder(db)).toEqual(['m1:1', 'm2:2']);
    await saveRule(db, { ...rule, points: 10 });
    expect((await readRules(db)).filter((r) => r.id === 'court-2')).toHaveLength(1);
    expect(await sendOrder(db)).toEqual(['m2:2', 'm1:1']);
    await deleteRule(db, 'court-2');
    expect(await sendOrder(db)).toEqual(['m1:1', 'm2:2']);
    await expect(saveRule(db, { ...rule, name: ' ', conditions: [] })).rejects.toThrow(/name/);
  });

  it('age rules apply on a rescore', async () => {
    const db = await device('m1', 'm2');
    await rally(db, 'm1');
    await rally(db, 'm2');
    await db.outbox
      .where('matchId')
      .equals('m2')
      .modify({ queuedAt: Date.now() - 11 * 60_000 });
    await rescoreOutbox(db);
    expect(await sendOrder(db)).toEqual(['m2:2', 'm1:1']);
  });

  it('a flush delivers by priority, each match in order, exactly once', async () => {
    const server = fakeSyncServer({ a: 'beach', b: 'indoor', c: 'beach' });
    const db = await device('a', 'b', 'c');
    for (let i = 0; i < 12; i += 1) await rally(db, ['a', 'b', 'c'][i % 3]!, i % 4 ? 'A' : 'B');
    await setPriority(db, { matchId: 'c' }, 'high');
    await setPriority(db, { matchId: 'a' }, 'low');
    const result = await flush({
      db,
      fetch: server.fetch,
      lock: inProcessFlushLock(),
      broadcast: false,
      compress: false,
      batchSize: 5,
    });
    expect(result).toMatchObject({ status: 'done', applied: 12 });
    const arrived = server.pushes.flatMap((p) => p.ops);
    expect(arrived.map((o) => o.matchId)).toEqual([
      ...Array(4).fill('c'),
      ...Array(4).fill('b'),
      ...Array(4).fill('a'),
    ]);
    expectMatchOrderKept(arrived.map((o) => `${o.matchId}:${o.seq}`));
  });
});
