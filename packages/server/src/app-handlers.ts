import { getDatabase } from './db/singleton';
import { createApiHandlers } from './http/api-handlers';
import type { ApiHandlers } from './http/api-handlers';

/**
 * The handlers the Next routes call, over the app's singleton database. Creating them opens
 * nothing (the database opens on the first request or at boot), so `next build` can import this.
 */
export const apiHandlers: ApiHandlers = createApiHandlers(async () => (await getDatabase()).db);
