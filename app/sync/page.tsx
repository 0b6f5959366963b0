import { SyncPage } from '@courtsync/ui';

/** /sync: the sync queue, priorities, rules and settings of this device (F16). */
export default function SyncRoute() {
  return <SyncPage />;
}
