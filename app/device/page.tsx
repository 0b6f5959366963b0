import { DeviceDataPanel } from '@courtsync/ui/device-data';

/** Export and import of everything on this device (F6). */
export default function DevicePage() {
  return (
    <main className="screen">
      <h1>This device</h1>
      <DeviceDataPanel />
    </main>
  );
}
