import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { openCourtSyncDb, record, type CourtSyncDb } from '@courtsync/client';
import v8 from 'node:v8';
import { FailedOpsSheet } from './failed-ops-sheet';

// jsdom has no structuredClone; fake-indexeddb and record() need it (V8's serializer is the
// structured clone algorithm of the browser).
globalThis.structuredClone ??= ((value: unknown) =>
  v8.deserialize(v8.serialize(value))) as typeof structuredClone;

let counter = 0;

/** A device whose first op of `m1` the server refused, with one op held behind it. */
async function deviceWithFailedOp(): Promise<{ db: CourtSyncDb; failedId: string }> {
  counter += 1;
  const db = openCourtSyncDb(`failed-sheet-${process.pid}-${counter}`);
  await db.matches.put({
    id: 'm1',
    tournamentId: 't1',
    format: 'beach',
    teamA: 'Lions',
    teamB: 'Tigers',
    court: '1',
    status: 'live',
    state: {
      sets: [{ a: 0, b: 0 }],
      format: 'beach',
      rallies: 0,
      serving: 'A',
      setsWon: { A: 0, B: 0 },
    },
  } as never);
  const first = await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'A' } });
  await record(db, { matchId: 'm1', type: 'rally', payload: { winner: 'B' } });
  const entry = await db.outbox.where('opId').equals(first.op.opId).first();
  await db.outbox.update(entry!.seq, {
    status: 'failed',
    attempts: 1,
    lastError: { code: 'UNKNOWN_MATCH', message: 'No match with id "m1"' },
  });
  return { db, failedId: first.op.opId };
}

describe('FailedOpsSheet', () => {
  it('lists the device’s failed ops with their reason and the ops held behind them', async () => {
    const { db } = await deviceWithFailedOp();
    render(
      <FailedOpsSheet
        db={db}
        teamA="Lions"
        teamB="Tigers"
        onChanged={jest.fn()}
        onClose={jest.fn()}
      />,
    );
    expect(await screen.findByTestId('failed-item')).toBeInTheDocument();
    expect(screen.getByTestId('failed-reason')).toHaveTextContent('UNKNOWN_MATCH');
    expect(await screen.findByTestId('held-count')).toHaveAttribute('data-held', '1');
  });

  it('puts a retried op back in the queue, then lets the page sync again', async () => {
    const { db, failedId } = await deviceWithFailedOp();
    const onChanged = jest.fn();
    render(<FailedOpsSheet db={db} onChanged={onChanged} onClose={jest.fn()} />);
    fireEvent.click(await screen.findByTestId('retry-failed'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    const entry = await db.outbox.where('opId').equals(failedId).first();
    expect(entry?.status).toBe('pending');
    await waitFor(() => expect(screen.queryByTestId('failed-item')).not.toBeInTheDocument());
  });

  it('discards an op only after the confirmation', async () => {
    const { db, failedId } = await deviceWithFailedOp();
    const onChanged = jest.fn();
    render(<FailedOpsSheet db={db} onChanged={onChanged} onClose={jest.fn()} />);
    fireEvent.click(await screen.findByTestId('discard-failed'));
    expect(await db.outbox.where('opId').equals(failedId).count()).toBe(1);
    fireEvent.click(screen.getByTestId('confirm-discard'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(await db.outbox.where('opId').equals(failedId).count()).toBe(0);
  });
});
