// Draws assets/icon.png (512×512): a blue rounded square with a white tick. Run once by hand
// (`node scripts/make-icon.mjs`) when the design changes; the PNG itself is committed.
import fs from 'node:fs';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 subsamples per pixel for smooth edges
const BACKGROUND = [0x1f, 0x6f, 0xb2];
const TICK = [0xff, 0xff, 0xff];
const TICK_POINTS = [[150, 270], [225, 345], [370, 185]];
const TICK_HALF_WIDTH = 26;

function insideRoundedSquare(x, y, inset = 32, radius = 96) {
  const lo = inset + radius;
  const hi = SIZE - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= SIZE - inset && y >= inset && y <= SIZE - inset && dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function onTick(x, y) {
  for (let i = 1; i < TICK_POINTS.length; i++) {
    if (distanceToSegment(x, y, TICK_POINTS[i - 1], TICK_POINTS[i]) <= TICK_HALF_WIDTH) return true;
  }
  return false;
}

function pixel(x, y) {
  let square = 0;
  let tick = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const px = x + (sx + 0.5) / SAMPLES;
      const py = y + (sy + 0.5) / SAMPLES;
      if (!insideRoundedSquare(px, py)) continue;
      square++;
      if (onTick(px, py)) tick++;
    }
  }
  const n = SAMPLES * SAMPLES;
  if (square === 0) return [0, 0, 0, 0];
  // Colour is the tick/background mix inside the square; alpha is the square's coverage.
  const mix = (i) => Math.round((TICK[i] * tick + BACKGROUND[i] * (square - tick)) / square);
  return [mix(0), mix(1), mix(2), Math.round((255 * square) / n)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const row = y * (1 + SIZE * 4);
  rows[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(rows, row + 1 + x * 4);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = new URL('../assets/icon.png', import.meta.url);
fs.writeFileSync(target, png);
console.log(`wrote ${target.pathname} (${png.length} bytes)`);
