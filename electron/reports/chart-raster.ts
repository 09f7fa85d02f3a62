import { Resvg } from '@resvg/resvg-js';
import { zlibSync } from 'fflate';
import type { SvgChart } from '../../shared/reports/charts';

/*
 * SVG charts to PNG for Word with resvg (a renderer shipped inside its npm package: no browser,
 * works in the CLI). Rendered at twice the chart's CSS size so print stays sharp, on white, with
 * the system's fonts (the charts name CJK families first; resvg falls back per glyph).
 * Loading the system fonts is most of the cost (about a second with the CJK fonts), so a report's
 * charts are stacked into one SVG and drawn once; each chart's rows of pixels are then written
 * as a PNG of its own. (resvg's cropByBBox would do the cutting, but it can abort the process.)
 */

export interface RasterChart {
  readonly png: Uint8Array;
  /** Pixels of the PNG. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  /** The chart's CSS size, which is how large it is placed in the document. */
  readonly width: number;
  readonly height: number;
}

export const RASTER_SCALE = 2;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An RGBA PNG of a rectangle of an RGBA pixel buffer `stride` pixels wide. */
export function encodePng(pixels: Uint8Array, stride: number, left: number, top: number, width: number, height: number): Uint8Array {
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    // Filter byte 0 (none) and the row's pixels.
    const start = ((top + y) * stride + left) * 4;
    raw.set(pixels.subarray(start, start + width * 4), y * (width * 4 + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 6 })), chunk('IEND', new Uint8Array())];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

export function rasterizeCharts(charts: readonly SvgChart[], scale = RASTER_SCALE): RasterChart[] {
  if (charts.length === 0) return [];
  const width = Math.max(...charts.map((c) => c.width));
  const offsets: number[] = [];
  let height = 0;
  const body = charts
    .map((chart) => {
      offsets.push(height);
      height += chart.height;
      return chart.svg.replace(/^<svg /, `<svg x="0" y="${offsets.at(-1)}" `);
    })
    .join('');
  const stack = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
  const image = new Resvg(stack, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' },
  }).render();
  const pixels = new Uint8Array(image.pixels);
  return charts.map((chart, index) => {
    const pixelWidth = Math.min(image.width, Math.round(chart.width * scale));
    const top = Math.round(offsets[index]! * scale);
    const pixelHeight = Math.min(image.height - top, Math.round(chart.height * scale));
    return { png: encodePng(pixels, image.width, 0, top, pixelWidth, pixelHeight), pixelWidth, pixelHeight, width: chart.width, height: chart.height };
  });
}

export function rasterizeChart(chart: SvgChart, scale = RASTER_SCALE): RasterChart {
  return rasterizeCharts([chart], scale)[0]!;
}
