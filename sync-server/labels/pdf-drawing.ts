import bwipjs, { type DrawingContext, type RenderOptions } from 'bwip-js/node';

/**
 * A bwip-js drawing context that emits PDF path operators, so barcodes on
 * PDF labels are vector (sharp on any printer) with no image decoding.
 * Coordinates come from bwip-js with y growing downwards; the caller places
 * the result with a `cm` transform that flips y.
 */
export interface VectorBarcode {
  width: number;
  height: number;
  /** PDF content-stream operators drawing the symbol in [0,width]x[0,height], y down. */
  ops: string;
}

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

function pdfDrawing(): DrawingContext<VectorBarcode> {
  let width = 0;
  let height = 0;
  const ops: string[] = [];
  let path: string[] = [];
  return {
    scale: () => null,
    measure: (str, _font, fwidth, fheight) => ({ width: str.length * fwidth * 0.6, ascent: fheight, descent: 0 }),
    init(w, h) {
      width = w;
      height = h;
    },
    line(x0, y0, x1, y1, lw, rgb) {
      ops.push(`q ${n(lw)} w ${rgbOp(rgb, 'RG')} ${n(x0)} ${n(y0)} m ${n(x1)} ${n(y1)} l S Q`);
    },
    polygon(pts) {
      const [first, ...rest] = pts;
      if (!first) return;
      path.push(`${n(first[0])} ${n(first[1])} m ${rest.map(([x, y]) => `${n(x)} ${n(y)} l`).join(' ')} h`);
    },
    hexagon(pts) {
      this.polygon(pts);
    },
    ellipse(x, y, rx, ry) {
      // Four Bezier arcs (k = 0.5523): only used by dot-based symbologies.
      const k = 0.5523;
      path.push(
        `${n(x + rx)} ${n(y)} m ${n(x + rx)} ${n(y + k * ry)} ${n(x + k * rx)} ${n(y + ry)} ${n(x)} ${n(y + ry)} c ` +
          `${n(x - k * rx)} ${n(y + ry)} ${n(x - rx)} ${n(y + k * ry)} ${n(x - rx)} ${n(y)} c ` +
          `${n(x - rx)} ${n(y - k * ry)} ${n(x - k * rx)} ${n(y - ry)} ${n(x)} ${n(y - ry)} c ` +
          `${n(x + k * rx)} ${n(y - ry)} ${n(x + rx)} ${n(y - k * ry)} ${n(x + rx)} ${n(y)} c h`,
      );
    },
    fill(rgb) {
      if (path.length > 0) ops.push(`${rgbOp(rgb, 'rg')} ${path.join(' ')} f`);
      path = [];
    },
    // Human-readable text is drawn by the label itself with a real font.
    text: () => undefined,
    end: () => ({ width, height, ops: ops.join('\n') }),
  };
}

function rgbOp(rgb: string, op: 'rg' | 'RG'): string {
  const hex = /^[0-9a-f]{6}$/i.test(rgb) ? rgb : '000000';
  const c = [0, 2, 4].map((i) => n(parseInt(hex.slice(i, i + 2), 16) / 255));
  return `${c.join(' ')} ${op}`;
}

export function vectorBarcode(opts: RenderOptions): VectorBarcode {
  return bwipjs.render({ ...opts, includetext: false }, pdfDrawing());
}
