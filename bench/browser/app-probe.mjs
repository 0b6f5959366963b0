// Injected into the app's own page: exposes the app's client code (the same modules the app
// bundles) so the bench can queue ops exactly as a tap does, without a hook in the app.
import { loadMatch, openCourtSyncDb, record } from '@courtsync/client';

globalThis.__courtsyncBench = { loadMatch, openCourtSyncDb, record };
