// Draws the app's icons as PNGs from code, so the build makes them and the repository holds no binaries.
import { deflateSync } from 'node:zlib';

const Accent = [0x1f, 0x4e, 0x79];
const White = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of size × size whose pixels come from paint(x, y) → [r, g, b, a]. */
function png(size, paint) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) raw.set(paint(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The glyph, in a unit square: a page with a folded corner, three lines of text and a tick.
function inGlyph(u, v) {
  const page = u >= 0.2 && u <= 0.8 && v >= 0.1 && v <= 0.9 && !(u > 0.62 && v < 0.1 + (u - 0.62));
  if (!page) return false;
  const line = (top) => v >= top && v <= top + 0.06 && u >= 0.3 && u <= 0.7;
  const hole = line(0.3) || line(0.44) || (v >= 0.58 && v <= 0.64 && u >= 0.3 && u <= 0.52);
  return !hole;
}

function coverage(size, x, y, inset) {
  const samples = 4;
  let hits = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      const u = ((x + (i + 0.5) / samples) / size - inset) / (1 - 2 * inset);
      const v = ((y + (j + 0.5) / samples) / size - inset) / (1 - 2 * inset);
      if (inGlyph(u, v)) hits++;
    }
  }
  return hits / (samples * samples);
}

/** Full-colour icon: the white glyph on the accent colour. */
export function colorIcon(size) {
  return png(size, (x, y) => {
    const a = coverage(size, x, y, 0.18);
    const mix = (i) => Math.round(Accent[i] * (1 - a) + White[i] * a);
    return [mix(0), mix(1), mix(2), 255];
  });
}

/** Teams outline icon: the glyph in white on transparent. */
export function outlineIcon(size) {
  return png(size, (x, y) => [...White, Math.round(255 * coverage(size, x, y, 0.04))]);
}
