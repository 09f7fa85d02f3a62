/** Save a chart (an SVG element) as a PNG a clerk can paste into a report. */

const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const TITLE_HEIGHT = 40;
const LEGEND_HEIGHT = 24;
const PADDING = 16;

/** One key entry drawn under the title: a light's swatch or a line style. */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly shape?: 'box' | 'line' | 'dash';
}

/** A file name Windows accepts: no path or reserved characters. */
export function pngFileName(title: string): string {
  const cleaned = title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '');
  return `${cleaned || '图表'}.png`;
}

/** The SVG as standalone text: explicit size and namespace, so an <img> can draw it. */
export function svgMarkup(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute('height')) || 300);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  // Text outside the page's stylesheet would fall back to a font without Chinese glyphs.
  copy.setAttribute('font-family', FONT);
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('图表无法转换为图片'));
    image.src = src;
  });
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function drawLegend(context: CanvasRenderingContext2D, legend: readonly LegendItem[], top: number): void {
  context.font = `13px ${FONT}`;
  context.textBaseline = 'middle';
  const middle = top + LEGEND_HEIGHT / 2;
  let x = PADDING;
  for (const item of legend) {
    context.fillStyle = item.color;
    context.strokeStyle = item.color;
    if (item.shape === 'line' || item.shape === 'dash') {
      context.lineWidth = 2;
      context.setLineDash(item.shape === 'dash' ? [5, 3] : []);
      context.beginPath();
      context.moveTo(x, middle);
      context.lineTo(x + 18, middle);
      context.stroke();
      context.setLineDash([]);
      x += 24;
    } else {
      context.fillRect(x, middle - 5, 10, 10);
      x += 16;
    }
    context.fillStyle = '#1f2933';
    context.fillText(item.label, x, middle);
    x += context.measureText(item.label).width + 18;
  }
}

/** Draw the chart on white under its title (and key) at twice the screen resolution, as PNG bytes. */
export async function chartPng(svg: SVGSVGElement, title: string, legend: readonly LegendItem[] = [], scale = 2): Promise<Blob> {
  const { markup, width, height } = svgMarkup(svg);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  const canvas = document.createElement('canvas');
  const legendHeight = legend.length > 0 ? LEGEND_HEIGHT : 0;
  const fullWidth = width + PADDING * 2;
  const fullHeight = height + TITLE_HEIGHT + legendHeight + PADDING;
  canvas.width = fullWidth * scale;
  canvas.height = fullHeight * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('无法生成图片');
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, fullWidth, fullHeight);
  context.fillStyle = '#1f2933';
  context.font = `bold 16px ${FONT}`;
  context.textBaseline = 'middle';
  context.fillText(title, PADDING, TITLE_HEIGHT / 2 + 4);
  if (legendHeight > 0) drawLegend(context, legend, TITLE_HEIGHT - 4);
  context.drawImage(image, PADDING, TITLE_HEIGHT + legendHeight, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('无法生成图片'))), 'image/png'),
  );
}

/** Find the chart's SVG inside `container` and download it as `<title>.png`. */
export async function saveChartPng(container: HTMLElement, title: string, legend: readonly LegendItem[] = []): Promise<void> {
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface') ?? container.querySelector<SVGSVGElement>('svg');
  if (!svg) throw new Error('图表尚未显示，无法保存');
  downloadBlob(pngFileName(title), await chartPng(svg, title, legend));
}
