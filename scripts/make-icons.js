// Draws the app icons (a white learning-loop ring with an arrow head on teal) into PNG files
// with no dependencies, so they can be re-made and reviewed as code. Run: node scripts/make-icons.js
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [0x1f, 0x5f, 0x5b];
const WHITE = [0xff, 0xff, 0xff];

/** Coverage (0..1) of the icon's white mark at point (x, y) in a unit square. */
/** @param {number} x @param {number} y @param {number} scale */
function inMark(x, y, scale) {
  const cx = 0.5;
  const cy = 0.5;
  const dx = (x - cx) / scale;
  const dy = (y - cy) / scale;
  const r = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx); // -PI..PI, 0 = east
  // The ring: radius 0.27, width 0.09, open between -40° and 0° (where the arrow sits).
  const onRing = r > 0.225 && r < 0.315;
  const open = angle > (-50 * Math.PI) / 180 && angle < (-5 * Math.PI) / 180;
  if (onRing && !open) return true;
  // The arrow head at the end of the ring (pointing up, clockwise travel ends at -5°).
  const ax = 0.27 * Math.cos((-5 * Math.PI) / 180);
  const ay = 0.27 * Math.sin((-5 * Math.PI) / 180);
  const px = dx - ax;
  const py = dy - ay;
  // Triangle pointing toward -y: base at py=0.06 width 0.22, tip at py=-0.1.
  if (py <= 0.06 && py >= -0.11) {
    const half = ((py + 0.11) / 0.17) * 0.11;
    if (Math.abs(px) <= half) return true;
  }
  // A dot in the middle: the measured value inside the loop.
  return Math.hypot(dx, dy) < 0.07;
}

/** @param {number} size @param {{ maskable: boolean }} options */
function render(size, { maskable }) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  const radius = maskable ? 0 : 0.18; // rounded square for "any", full bleed for maskable
  const markScale = maskable ? 0.8 : 1; // keep the mark inside the maskable safe zone
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const qx = Math.max(radius - x, 0, x - (1 - radius));
          const qy = Math.max(radius - y, 0, y - (1 - radius));
          const inside = radius === 0 || Math.hypot(qx, qy) <= radius;
          if (inside) {
            bg++;
            if (inMark(x, y, markScale)) mark++;
          }
        }
      }
      const n = samples * samples;
      const a = bg / n;
      const m = bg ? mark / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++)
        rgba[i + c] = Math.round(Number(TEAL[c]) * (1 - m) + Number(WHITE[c]) * m);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = /** @type {number} */ (CRC_TABLE[(c ^ byte) & 0xff]) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** @param {number} size @param {Buffer} rgba */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../static/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, render(192, { maskable: false })));
writeFileSync(new URL('icon-512.png', out), png(512, render(512, { maskable: false })));
writeFileSync(new URL('icon-maskable-512.png', out), png(512, render(512, { maskable: true })));
console.log('icons written to static/icons/');
