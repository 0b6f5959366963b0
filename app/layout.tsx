import type { Metadata, Viewport } from 'next';
// The notices alone, not the package's barrel: every page loads the layout (bench 8a).
import { Notices } from '@courtsync/ui/notices';
import { SessionBadge } from '@courtsync/ui/session-badge';
import { NavSyncIndicator } from '@courtsync/ui/nav-sync-indicator';
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
          {/* A plain link: next/link here put the home page's code into every screen's first
              load (bench 8a); going home is a full load, served by the worker when offline. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
          <a href="/" className="brand">
            CourtSync
          </a>
          <NavSyncIndicator />
          <SessionBadge />
        </nav>
        {children}
        <Notices position="top-center" richColors />
      </body>
    </html>
  );
}
