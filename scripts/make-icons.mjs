// Draws the app icons (a volleyball on the brand blue) as PNGs into public/icons/.
// Run once with `node scripts/make-icons.mjs`; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const BLUE = [11, 61, 145];
const WHITE = [255, 255, 255];
const YELLOW = [255, 200, 40];
const INK = [20, 30, 60];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** Colour of pixel (x, y) in a unit square: ball of radius r centred, seams as arcs. */
function shade(u, v, r, roundCorners) {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const d = Math.hypot(dx, dy);
  if (roundCorners) {
    const cr = 0.18;
    const cx = Math.min(Math.max(u, cr), 1 - cr);
    const cy = Math.min(Math.max(v, cr), 1 - cr);
    if (Math.hypot(u - cx, v - cy) > cr) return null;
  }
  if (d > r) return BLUE;
  if (d > r - 0.025 * (r / 0.4)) return INK;
  const seam = 0.018 * (r / 0.4);
  // three seams: arcs of circles centred outside the ball
  const arcs = [
    [0.5 - r * 1.1, 0.5 - r * 1.1, r * 1.25],
    [0.5 + r * 1.3, 0.5 - r * 0.2, r * 1.15],
    [0.5 - r * 0.2, 0.5 + r * 1.35, r * 1.2],
  ];
  for (const [ax, ay, ar] of arcs) {
    if (Math.abs(Math.hypot(u - ax, v - ay) - ar) < seam) return INK;
  }
  const t = Math.atan2(dy, dx);
  return Math.sin(t * 3) > 0.3 ? YELLOW : WHITE;
}

function png(size, { r, roundCorners }) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const c = shade((x + 0.5) / size, (y + 0.5) / size, r, roundCorners);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      if (c) raw.set([...c, 255], o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, { r: 0.4, roundCorners: true }));
writeFileSync('public/icons/icon-512.png', png(512, { r: 0.4, roundCorners: true }));
// Maskable: full bleed, the ball inside the 80 % safe zone.
writeFileSync('public/icons/maskable-512.png', png(512, { r: 0.3, roundCorners: false }));
writeFileSync('public/icons/apple-touch-icon.png', png(180, { r: 0.36, roundCorners: false }));
console.log('icons written to public/icons/');
