/**
 * A chart as a PNG image with its title and legend, so that it can go into a note or a slide as
 * it is: the chart's own pixels (a uPlot canvas, or an SVG drawn onto a canvas) below a title band
 * and above a legend band, on white.
 */

/** One legend entry: its label, line or fill colour, whether the line is dashed or the swatch a filled box. */
export interface LegendEntry {
  label: string;
  colour: string;
  dashed?: boolean;
  fill?: boolean;
}

/** What goes into the image besides the chart. */
export interface PngFrame {
  title: string;
  subtitle?: string;
  legend?: LegendEntry[];
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
const PAD = 12;
const SWATCH = 18;

/** Legend entries laid out left to right, wrapping at `width`: their positions and the band's height. */
function layoutLegend(ctx: CanvasRenderingContext2D, legend: LegendEntry[], width: number, scale: number) {
  const line = 18 * scale;
  let x = PAD * scale,
    y = 0;
  const placed = legend.map((e) => {
    const w = (SWATCH + 6) * scale + ctx.measureText(e.label).width + 16 * scale;
    if (x + w > width - PAD * scale && x > PAD * scale) {
      x = PAD * scale;
      y += line;
    }
    const at = { e, x, y };
    x += w;
    return at;
  });
  return { placed, height: legend.length ? y + line + PAD * scale : 0 };
}

/** Draws `frame` around a chart image of `width` × `height` pixels and returns the PNG. */
export async function framedPng(
  draw: (ctx: CanvasRenderingContext2D, top: number) => void,
  width: number,
  height: number,
  frame: PngFrame,
  scale = 1,
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  const titleFont = `600 ${15 * scale}px ${FONT}`,
    smallFont = `${12 * scale}px ${FONT}`;
  ctx.font = smallFont;
  const legend = layoutLegend(ctx, frame.legend ?? [], width, scale);
  const top = (PAD + 18 + (frame.subtitle ? 16 : 0) + 6) * scale;
  canvas.width = width;
  canvas.height = Math.ceil(top + height + legend.height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1d2633';
  ctx.textBaseline = 'top';
  ctx.font = titleFont;
  ctx.fillText(frame.title, PAD * scale, PAD * scale, width - 2 * PAD * scale);
  if (frame.subtitle) {
    ctx.font = smallFont;
    ctx.fillStyle = '#4a5668';
    ctx.fillText(frame.subtitle, PAD * scale, (PAD + 20) * scale, width - 2 * PAD * scale);
  }
  draw(ctx, top);
  ctx.font = smallFont;
  ctx.textBaseline = 'middle';
  const legendTop = top + height + 4 * scale;
  for (const { e, x, y } of legend.placed) {
    const mid = legendTop + y + 9 * scale;
    if (e.fill) {
      ctx.fillStyle = e.colour;
      ctx.fillRect(x, mid - 6 * scale, SWATCH * scale, 12 * scale);
      ctx.fillStyle = '#1d2633';
      ctx.fillText(e.label, x + (SWATCH + 6) * scale, mid);
      continue;
    }
    ctx.strokeStyle = e.colour;
    ctx.lineWidth = 3 * scale;
    ctx.setLineDash(e.dashed ? [5 * scale, 3 * scale] : []);
    ctx.beginPath();
    ctx.moveTo(x, mid);
    ctx.lineTo(x + SWATCH * scale, mid);
    ctx.stroke();
    ctx.fillStyle = '#1d2633';
    ctx.fillText(e.label, x + (SWATCH + 6) * scale, mid);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob gave no image'))), 'image/png'),
  );
}

/** A canvas (uPlot's, axes and series included) framed as a PNG; `scale` is its pixel ratio. */
export function canvasPng(chart: HTMLCanvasElement, frame: PngFrame, scale = 1): Promise<Blob> {
  return framedPng((ctx, top) => ctx.drawImage(chart, 0, top), chart.width, chart.height, frame, scale);
}

/**
 * An inline SVG chart drawn onto a canvas at its rendered size, framed as a PNG. `css` carries the
 * rules of the chart's shadow stylesheet that its drawing needs (an image sees no page styles).
 */
export async function svgPng(svg: SVGSVGElement, frame: PngFrame, css = ''): Promise<Blob> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width)),
    height = Math.max(1, Math.round(box.height));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  // Text inherits the page font in the document; as an image it needs it named.
  copy.setAttribute('font-family', FONT);
  if (css) {
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = css;
    copy.prepend(style);
  }
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return await framedPng((ctx, top) => ctx.drawImage(img, 0, top, width, height), width, height, frame);
  } finally {
    URL.revokeObjectURL(url);
  }
}
