import type { MetadataRoute } from 'next';

/** The web app manifest (F1): installable, standalone, with regular and maskable icons. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'CourtSync — volleyball scorekeeping',
    short_name: 'CourtSync',
    description: 'Score volleyball matches courtside, online or not.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#0b3d91',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
