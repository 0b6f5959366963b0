import { deviceExportSchema, type DeviceExport } from '@courtsync/protocol/device-export';
import { replay } from '@courtsync/scoring';
import type { CourtSyncDb, LocalMatch, OutboxEntry } from '../courtsync-db';
import { ClientError } from '../client-error';
import { rebaseMatch } from '../match-log';
import { rescoreOutbox } from '../outbox-rescore';

/** What an import did; every count is of things new to this device. */
export interface ImportSummary {
  matches: number;
  events: number;
  ops: number;
  /** Entries already on this device (same op id): skipped, never doubled. */
  duplicates: number;
  /**
   * Queued ops of another device whose queue slot (seq) this device's own queue uses right
   * now: not imported. They are safe in the file; import again once this device has synced.
   */
  blocked: number;
  /** Whether the saved tournament list was replaced by the file's newer one. */
  listing: boolean;
}

/** Reads an export file's text; ClientError INVALID_EXPORT with the reason when it is not one. */
export function parseDeviceExport(text: string): DeviceExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ClientError('INVALID_EXPORT', 'This file is not JSON');
  }
  const parsed = deviceExportSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.map(String).join('.')}` : '';
    throw new ClientError('INVALID_EXPORT', `Not a CourtSync export${where}`);
  }
  return parsed.data;
}

/**
 * Merges an export (F6) into this device in ONE transaction, deduplicated by op id: events,
 * acked and queued ops already here are skipped, so importing twice changes nothing. A
 * match's confirmed log is a prefix of the server's log on both devices, so the union is the
 * longer prefix and the higher cursor holds. Queued ops keep their clientId and seq (the
 * server's exactly-once key), so if the other device sends them too they are duplicates, not
 * doubles; this device's own seq counter moves past them so its queue never reuses a slot.
 * Every touched match is replayed from its logs (the file's `state` is not trusted).
 */
export async function importDeviceData(
  db: CourtSyncDb,
  file: DeviceExport,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    matches: 0,
    events: 0,
    ops: 0,
    duplicates: 0,
    blocked: 0,
    listing: false,
  };
  const touched = new Set<string>();
  await db.transaction(
    'rw',
    [db.matches, db.confirmed, db.acked, db.outbox, db.listings, db.meta],
    async () => {
      for (const m of file.matches) {
        const local = await db.matches.get(m.id);
        const cursor = Math.max(local?.cursor ?? 0, m.cursor ?? 0);
        const importedAt = earliest(local?.importedAt, m.importedAt);
        const { state: _ignored, ...details } = m;
        // The device's own details are at least as fresh (its listing refreshes them).
        const row: LocalMatch = local
          ? { ...local, cursor }
          : { ...details, state: replay(m.format, []), cursor };
        if (importedAt !== undefined) row.importedAt = importedAt;
        else delete row.importedAt;
        await db.matches.put(row);
        if (!local) summary.matches += 1;
        touched.add(m.id);
      }
      const known = new Set<string>();
      await db.confirmed.each((e) => known.add(e.opId));
      const fresh = file.confirmed.filter((e) => !known.has(e.opId) && touched.has(e.matchId));
      summary.duplicates += file.confirmed.length - fresh.length;
      await db.confirmed.bulkPut(fresh);
      fresh.forEach((e) => known.add(e.opId));
      summary.events += fresh.length;

      for (const a of file.acked) {
        if (known.has(a.opId) || (await db.acked.get(a.opId)) || !touched.has(a.matchId)) {
          summary.duplicates += 1;
          continue;
        }
        await db.acked.add(a);
        summary.ops += 1;
      }
      const ackedIds = new Set(await db.acked.toCollection().primaryKeys());
      let highestSeq = 0;
      for (const entry of file.outbox) {
        if (known.has(entry.opId) || ackedIds.has(entry.opId) || !touched.has(entry.matchId)) {
          summary.duplicates += 1;
          continue;
        }
        if (await db.outbox.where('opId').equals(entry.opId).count()) {
          summary.duplicates += 1;
          continue;
        }
        if (await db.outbox.get(entry.seq)) {
          summary.blocked += 1;
          continue;
        }
        // Scored below with this device's rules, once all of the file's ops are in.
        const queued: OutboxEntry = {
          ...entry,
          priority: entry.priority ?? 'normal',
          queuedAt: entry.queuedAt ?? Date.now(),
          ownScore: 0,
          score: 0,
          rank: 0,
        };
        await db.outbox.add(queued);
        highestSeq = Math.max(highestSeq, entry.seq);
        summary.ops += 1;
      }
      if (highestSeq > 0) {
        const next = (await db.meta.get('nextSeq'))?.value;
        const current = typeof next === 'number' ? next : 1;
        await db.meta.put({ key: 'nextSeq', value: Math.max(current, highestSeq + 1) });
      }
      summary.listing = await mergeListing(db, file);
      for (const matchId of touched) {
        await rebaseMatch(db, matchId);
        await rescoreOutbox(db, { matchId });
      }
    },
  );
  return summary;
}

/** Keeps the newer of the device's and the file's saved tournament list. */
async function mergeListing(db: CourtSyncDb, file: DeviceExport): Promise<boolean> {
  const incoming = file.listings.find((l) => l.key === 'tournaments');
  if (!incoming) return false;
  const local = await db.listings.get('tournaments');
  if (local && local.fetchedAt >= incoming.fetchedAt) return false;
  await db.listings.put(incoming);
  return true;
}

function earliest(x: number | undefined, y: number | undefined): number | undefined {
  if (x === undefined) return y;
  if (y === undefined) return x;
  return Math.min(x, y);
}
