import Link from 'next/link';
import type { Metadata, Viewport } from 'next';
import { NavSyncIndicator, Notices } from '@courtsync/ui';
import './globals.css';

export const metadata: Metadata = {
  title: 'CourtSync',
  description: 'Offline-first volleyball scorekeeping',
  applicationName: 'CourtSync',
  manifest: '/manifest.webmanifest',
  appleWebApp: { capable: true, title: 'CourtSync', statusBarStyle: 'default' },
  icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = {
  themeColor: '#0b3d91',
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
};

/** The app shell: every screen renders inside it, and it is precached for offline starts. */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav className="app-nav">
          <Link href="/" className="brand">
            CourtSync
          </Link>
          <NavSyncIndicator />
        </nav>
        {children}
        <Notices position="top-center" richColors />
      </body>
    </html>
  );
}
