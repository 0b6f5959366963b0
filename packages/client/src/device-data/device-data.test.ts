import { replayFull } from '@courtsync/scoring';
import type { TournamentView } from '@courtsync/protocol';
import type { CourtSyncDb } from '../courtsync-db';
import { rebaseMatch } from '../match-log';
import { record } from '../record';
import { freshDb, seedLocalMatch } from '../test-support';
import { deviceExportText, exportDeviceData } from './export-data';
import { importDeviceData, parseDeviceExport } from './import-data';

const CLIENT_ELSEWHERE = '0b8f6f7e-1c1d-4a5e-9f00-000000000001';

/** Everything local a user would call "the device's data" (the device's identity aside). */
async function dump(db: CourtSyncDb) {
  return {
    matches: await db.matches.orderBy('id').toArray(),
    confirmed: await db.confirmed.orderBy('[matchId+matchPosition]').toArray(),
    acked: await db.acked.orderBy('opId').toArray(),
    outbox: await db.outbox.orderBy('seq').toArray(),
    listings: await db.listings.toArray(),
  };
}

/** A device with a pulled log, an acked op, pending and failed ops, and a saved listing. */
async function busyDevice(): Promise<CourtSyncDb> {
  const db = freshDb();
  await seedLocalMatch(db, 'm1', 'beach');
  await seedLocalMatch(db, 'm2', 'indoor');
  // Two events another device scored, as a pull brought them.
  await db.confirmed.bulkAdd(
    (['A', 'B'] as const).map((winner, i) => ({
      matchId: 'm1',
      matchPosition: i + 1,
      position: 10 + i,
      opId: `0b8f6f7e-1c1d-4a5e-9f00-00000000010${i}`,
      clientId: CLIENT_ELSEWHERE,
      type: 'rally' as const,
      payload: { winner },
      clientTime: '2026-11-22T10:00:00.000Z',
      serverTime: '2026-11-22T10:00:01.000Z',
    })),
  );
  await db.matches.update('m1', { cursor: 11 });
  await db.acked.add({
    opId: '0b8f6f7e-1c1d-4a5e-9f00-000000000200',
    matchId: 'm2',
    seq: 1,
    type: 'rally',
    payload: { winner: 'B' },
  });
  await db.meta.put({ key: 'nextSeq', value: 2 });
  await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
  await record(db, { matchId: 'm1', type: 'timeout', payload: { team: 'B' } });
  const failed = await record(db, { matchId: 'm2', type: 'rally', payload: { winner: 'A' } });
  await db.outbox.update(failed.op.seq, {
    status: 'failed',
    attempts: 2,
    lastError: { code: 'INVALID_OP', message: 'refused' },
  });
  // As the flush does when an op is refused: the screen no longer counts it.
  await rebaseMatch(db, 'm2');
  const listing: TournamentView[] = [
    {
      id: 't1',
      name: 'Cup',
      location: 'Here',
      startsOn: '2026-11-21',
      endsOn: '2026-11-23',
      matches: [],
    },
  ];
  await db.listings.put({ key: 'tournaments', tournaments: listing, fetchedAt: 1_000 });
  return db;
}

describe('device export and import (F6)', () => {
  it('a fresh device gets the same local data, and importing again doubles nothing', async () => {
    const source = await busyDevice();
    const text = deviceExportText(await exportDeviceData(source));
    const target = freshDb();
    const summary = await importDeviceData(target, parseDeviceExport(text));
    expect(summary).toEqual({
      matches: 2,
      events: 2,
      ops: 4,
      duplicates: 0,
      blocked: 0,
      listing: true,
    });
    expect(await dump(target)).toEqual(await dump(source));
    // The screen's state is replayed from the logs: 2-1 and B's timeout taken.
    const m1 = await target.matches.get('m1');
    expect(m1?.state.sets).toEqual([{ a: 2, b: 1 }]);
    expect(m1?.state.timeoutsLeft).toEqual({ A: 1, B: 0 });

    const again = await importDeviceData(target, parseDeviceExport(text));
    expect(again).toMatchObject({ matches: 0, events: 0, ops: 0, duplicates: 6, blocked: 0 });
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('the importing device keeps its own identity and never reuses an imported seq', async () => {
    const source = await busyDevice();
    const file = await exportDeviceData(source);
    const target = freshDb();
    await importDeviceData(target, file);
    const mine = await record(target, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
    expect(mine.op.clientId).not.toBe(file.clientId);
    expect(mine.op.seq).toBeGreaterThan(Math.max(...file.outbox.map((e) => e.seq)));
    // The imported ops keep their identity: the server answers a second send as duplicate.
    const imported = await target.outbox.filter((e) => e.clientId === file.clientId).toArray();
    expect(imported.map((e) => e.opId).sort()).toEqual(file.outbox.map((e) => e.opId).sort());
  });

  it('merges into a device with its own data: longer logs win, busy queue slots wait', async () => {
    const source = await busyDevice();
    const file = await exportDeviceData(source);
    const target = freshDb();
    await seedLocalMatch(target, 'm1', 'beach');
    // This device pulled one event less and queued its own op in slot 2.
    await target.confirmed.add({ ...file.confirmed[0]! });
    await target.matches.update('m1', { cursor: 10 });
    await target.meta.put({ key: 'nextSeq', value: 2 });
    const own = await record(target, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
    expect(own.op.seq).toBe(2);

    const summary = await importDeviceData(target, file);
    // Slot 2 is this device's own op: the file's op there waits (blocked), the rest came in.
    expect(summary).toMatchObject({ matches: 1, events: 1, duplicates: 1, blocked: 1 });
    expect((await target.matches.get('m1'))?.cursor).toBe(11);
    expect(await target.confirmed.where('matchId').equals('m1').count()).toBe(2);
    expect((await target.outbox.get(2))?.opId).toBe(own.op.opId);

    // Once this device's queue has drained, the same file brings the rest.
    await target.outbox.delete(2);
    const later = await importDeviceData(target, file);
    expect(later).toMatchObject({ ops: 1, blocked: 0 });
    expect(new Set((await target.outbox.toArray()).map((e) => e.opId))).toEqual(
      new Set(file.outbox.map((e) => e.opId)),
    );
  });

  it('a newer saved listing on the device is kept', async () => {
    const source = await busyDevice();
    const file = await exportDeviceData(source);
    const target = freshDb();
    await target.listings.put({ key: 'tournaments', tournaments: [], fetchedAt: 5_000 });
    expect((await importDeviceData(target, file)).listing).toBe(false);
    expect((await target.listings.get('tournaments'))?.fetchedAt).toBe(5_000);
  });

  it('refuses what is not a CourtSync export, saying why, and writes nothing', async () => {
    const file = await exportDeviceData(await busyDevice());
    const bad = [
      'not json',
      '{"kind":"something-else"}',
      JSON.stringify({ ...file, version: 2 }),
      JSON.stringify({ ...file, outbox: [{ ...file.outbox[0], type: 'rally', payload: {} }] }),
      JSON.stringify({ ...file, matches: [{ ...file.matches[0], format: 'snow' }] }),
    ];
    for (const text of bad) {
      expect(() => parseDeviceExport(text)).toThrow(
        expect.objectContaining({ code: 'INVALID_EXPORT' }),
      );
    }
  });

  it('a file state is not trusted: the match is replayed from the logs in the file', async () => {
    const file = await exportDeviceData(await busyDevice());
    const forged = {
      ...file,
      matches: file.matches.map((m) => ({ ...m, state: replayFull(m.format, []) })),
    };
    const target = freshDb();
    await importDeviceData(target, parseDeviceExport(JSON.stringify(forged)));
    expect((await target.matches.get('m1'))?.state.sets).toEqual([{ a: 2, b: 1 }]);
  });
});
