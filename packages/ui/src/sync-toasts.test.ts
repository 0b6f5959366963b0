import type { SyncMessage } from '@courtsync/client';
import { SyncToasts } from './sync-toasts';

const finished = (
  over: Partial<Extract<SyncMessage, { type: 'flush-finished' }>>,
): SyncMessage => ({
  type: 'flush-finished',
  at: '2026-11-25T10:00:00.000Z',
  source: 'x',
  status: 'done',
  pending: 0,
  applied: 5,
  rejected: 0,
  deferred: 0,
  ...over,
});

describe('SyncToasts', () => {
  it('toasts once when a sync completes after being offline, not on every flush', () => {
    const toasts = new SyncToasts();
    expect(toasts.onMessage(finished({}))).toBeUndefined();
    toasts.wentAway();
    expect(toasts.onMessage(finished({ pending: 3 }))).toBeUndefined();
    expect(toasts.onMessage(finished({ applied: 3 }))).toEqual({
      kind: 'success',
      message: 'Back online: 3 actions synced',
    });
    expect(toasts.onMessage(finished({}))).toBeUndefined();
    expect(toasts.onMessage(finished({ status: 'retry', applied: 0 }))).toBeUndefined();
    expect(toasts.onMessage(finished({ applied: 1 }))).toMatchObject({ kind: 'success' });
  });

  it('toasts new failures', () => {
    const toasts = new SyncToasts();
    expect(toasts.onMessage(finished({ rejected: 2 }))).toEqual({
      kind: 'error',
      message: '2 actions were not accepted: see the sync queue',
    });
    expect(
      toasts.onMessage({ type: 'flush-started', at: '', source: 'x', pending: 1 }),
    ).toBeUndefined();
  });
});
