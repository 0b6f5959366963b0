/**
 * startServer does not wait for the database (issue #14): the upstream sync and the monitoring,
 * which need it, start a moment after it is open (the requests that waited for it go first) —
 * not before, not after a shutdown began, and again after a failed open.
 */
const db = { name: 'the database' };

const getDatabase = jest.fn();
const closeDatabase = jest.fn(async () => undefined);
const startAppUpstreamSync = jest.fn();
const stopAppUpstreamSync = jest.fn(async () => undefined);
const startAppMonitoring = jest.fn();
const stopAppMonitoring = jest.fn(async () => undefined);

jest.mock('./db/singleton', () => ({ getDatabase, closeDatabase }));
jest.mock('./upstream/app-sync', () => ({ startAppUpstreamSync, stopAppUpstreamSync }));
jest.mock('./monitoring/app-monitoring', () => ({
  linkAppMonitoring: jest.fn(),
  startAppMonitoring,
  stopAppMonitoring,
}));
jest.mock('./output-streams', () => ({ keepRunningWhenOutputCloses: jest.fn() }));
jest.mock('./http/in-flight', () => ({
  requestsInFlight: () => 0,
  waitForIdle: async () => true,
}));
jest.mock('./logger', () => ({ logger: { info: jest.fn(), warn: jest.fn(), error: jest.fn() } }));

type Lifecycle = typeof import('./lifecycle');

/** A fresh copy of lifecycle.ts (its shutdown flag is per module). */
function loadLifecycle(): Lifecycle {
  let loaded: Lifecycle | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<Lifecycle>('./lifecycle');
  });
  if (!loaded) throw new Error('lifecycle not loaded');
  return loaded;
}

/** A promise and its resolve/reject. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => jest.clearAllMocks());
afterEach(() => jest.useRealTimers());

it('returns before the database is open, then starts the upstream sync and the monitoring', async () => {
  jest.useFakeTimers();
  const opening = deferred<{ db: typeof db }>();
  getDatabase.mockReturnValue(opening.promise);
  const { startServer, BACKGROUND_START_DELAY_MS } = loadLifecycle();
  await startServer();
  expect(getDatabase).toHaveBeenCalledTimes(1);
  expect(startAppUpstreamSync).not.toHaveBeenCalled();
  expect(startAppMonitoring).not.toHaveBeenCalled();
  opening.resolve({ db });
  await jest.advanceTimersByTimeAsync(BACKGROUND_START_DELAY_MS - 1);
  expect(startAppUpstreamSync).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(1);
  expect(startAppUpstreamSync).toHaveBeenCalledWith(db, process.env, expect.any(Function));
  expect(startAppMonitoring).toHaveBeenCalledTimes(1);
});

it('starts nothing when a shutdown begins between the open and the start', async () => {
  jest.useFakeTimers();
  getDatabase.mockResolvedValue({ db });
  const { startServer, shutdownServer } = loadLifecycle();
  await startServer();
  await jest.advanceTimersByTimeAsync(0);
  await shutdownServer(10);
  await jest.advanceTimersByTimeAsync(5_000);
  expect(startAppUpstreamSync).not.toHaveBeenCalled();
  expect(startAppMonitoring).not.toHaveBeenCalled();
});

it('starts nothing when the database opens after a shutdown began', async () => {
  jest.useFakeTimers();
  const opening = deferred<{ db: typeof db }>();
  getDatabase.mockReturnValue(opening.promise);
  const { startServer, shutdownServer } = loadLifecycle();
  await startServer();
  const stopped = shutdownServer(10);
  opening.resolve({ db });
  await stopped;
  await jest.advanceTimersByTimeAsync(5_000);
  expect(startAppUpstreamSync).not.toHaveBeenCalled();
  expect(startAppMonitoring).not.toHaveBeenCalled();
  expect(closeDatabase).toHaveBeenCalledWith({ final: true });
});

it('tries again after a failed open', async () => {
  jest.useFakeTimers();
  getDatabase.mockRejectedValueOnce(new Error('PostgreSQL is still starting'));
  getDatabase.mockResolvedValue({ db });
  const { startServer } = loadLifecycle();
  await startServer();
  await jest.advanceTimersByTimeAsync(0);
  expect(startAppUpstreamSync).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(5_000);
  expect(getDatabase).toHaveBeenCalledTimes(2);
  expect(startAppUpstreamSync).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(1_000);
  expect(startAppUpstreamSync).toHaveBeenCalledTimes(1);
  expect(startAppMonitoring).toHaveBeenCalledTimes(1);
});
