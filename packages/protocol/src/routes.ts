// Paths of the API, shared by the client, the service worker and the server.
import { DEVICE_API } from './device-routes';
import { STAFF_API } from './staff-routes';

export { DEVICE_API, SYNC_TAG } from './device-routes';
export { STAFF_API } from './staff-routes';

/** Every path of the API. Device code imports DEVICE_API, which leaves the staff's out. */
export const API = { ...DEVICE_API, ...STAFF_API } as const;
