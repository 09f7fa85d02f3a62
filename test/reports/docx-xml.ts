import { strFromU8, unzipSync, unzlibSync } from 'fflate';

/*
 * Reading a .docx back for tests: the parts as text, paragraphs with their style and text, and a
 * run's effective East Asian font, size and weight resolved the way Word does (run → paragraph
 * style → its basedOn chain → document defaults). Regular expressions suffice: the docx library
 * writes plain, predictable WordprocessingML.
 */

export interface DocxParts {
  readonly files: Record<string, Uint8Array>;
  readonly document: string;
  readonly styles: string;
  readonly settings: string;
  /** Footer XML by its reference type in the section (default = odd pages, even). */
  readonly footers: Record<string, string>;
  readonly media: { name: string; bytes: Uint8Array }[];
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`${name} missing from the docx`);
    return strFromU8(file);
  };
  const document = text('word/document.xml');
  const rels = text('word/_rels/document.xml.rels');
  const target = (id: string) => new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  const footers: Record<string, string> = {};
  for (const match of document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    footers[match[1]!] = text(`word/${target(match[2]!)}`);
  }
  const media = Object.entries(files)
    .filter(([name]) => name.startsWith('word/media/'))
    .map(([name, data]) => ({ name, bytes: data }));
  return { files, document, styles: text('word/styles.xml'), settings: text('word/settings.xml'), footers, media };
}

export const attr = (xml: string, element: string, name: string): string | undefined => new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

export interface DocxParagraph {
  readonly xml: string;
  readonly style: string;
  readonly text: string;
  readonly runs: string[];
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1]!;
    const runs = [...body.matchAll(/<w:r\b[^>]*>[\s\S]*?<\/w:r>/g)].map((r) => r[0]);
    const text = runs
      .map((run) =>
        [...run.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => (t[0] === '<w:br/>' ? '\n' : unescape(t[1] ?? ''))).join(''),
      )
      .join('')
      // What a reader sees: the zero-width break opportunities the writer adds show nothing.
      .replace(/\u200b/g, '');
    return { xml: m[0], style: attr(body, 'w:pStyle', 'w:val') ?? 'Normal', text, runs };
  });
}

function styleXml(styles: string, id: string): string | null {
  return new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? null;
}

export interface RunLook {
  readonly eastAsia: string | undefined;
  readonly size: number | undefined;
  readonly bold: boolean;
}

const rPrOf = (xml: string) => /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1] ?? '';

function look(rPr: string): Partial<RunLook> {
  const bold = /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(rPr) ? true : /<w:b w:val="(false|0|off)"\/>/.test(rPr) ? false : undefined;
  const size = attr(rPr, 'w:sz', 'w:val');
  return { eastAsia: attr(rPr, 'w:rFonts', 'w:eastAsia'), size: size === undefined ? undefined : Number(size), ...(bold === undefined ? {} : { bold }) };
}

/** A style's own run look and then its basedOn chain's, nearest first. */
function styleChain(styles: string, id: string): Partial<RunLook>[] {
  const chain: Partial<RunLook>[] = [];
  let current: string | null = id;
  const seen = new Set<string>();
  while (current && !seen.has(current)) {
    seen.add(current);
    const xml = styleXml(styles, current);
    if (!xml) break;
    chain.push(look(rPrOf(xml.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''))));
    current = attr(xml, 'w:basedOn', 'w:val') ?? null;
  }
  const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(styles)?.[1] ?? '';
  chain.push(look(rPrOf(defaults)));
  return chain;
}

/** What a run in a paragraph of `styleId` looks like: direct formatting first, then the styles. */
export function effectiveRun(styles: string, styleId: string, run: string): RunLook {
  const layers = [look(rPrOf(run)), ...styleChain(styles, styleId)];
  const first = <K extends keyof RunLook>(key: K) => layers.find((layer) => layer[key] !== undefined)?.[key];
  return { eastAsia: first('eastAsia') as string | undefined, size: first('size') as number | undefined, bold: (first('bold') as boolean | undefined) ?? false };
}

/** A paragraph property from the paragraph itself or its style chain (e.g. w:jc, w:ind). */
export function paragraphProperty(styles: string, paragraph: DocxParagraph, element: string, name: string): string | undefined {
  const own = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph.xml)?.[1] ?? '';
  const direct = attr(own, element, name);
  if (direct !== undefined) return direct;
  let current: string | null = paragraph.style;
  const seen = new Set<string>();
  while (current && !seen.has(current)) {
    seen.add(current);
    const xml = styleXml(styles, current);
    if (!xml) return undefined;
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
    const value = attr(pPr, element, name);
    if (value !== undefined) return value;
    current = attr(xml, 'w:basedOn', 'w:val') ?? null;
  }
  return undefined;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** An 8-bit RGB(A) PNG decoded (IDAT inflated and unfiltered), to read pixels back in tests. */
export function decodePng(bytes: Uint8Array): { width: number; height: number; rgb(x: number, y: number): string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { width, height } = pngSize(bytes);
  const colorType = bytes[25];
  if (bytes[24] !== 8 || (colorType !== 6 && colorType !== 2)) throw new Error('only 8-bit RGB/RGBA PNGs');
  const channels = colorType === 6 ? 4 : 3;
  const chunks: Uint8Array[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = strFromU8(bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT') chunks.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  const raw = unzlibSync(joined);
  const stride = width * channels;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i]!;
      const left = i >= channels ? out[y * stride + i - channels]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[y * stride + i] = (value + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    rgb: (x, y) => `#${[...out.subarray(y * stride + x * channels, y * stride + x * channels + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`,
  };
}
