/**
 * WCAG 2 contrast: relative luminance of sRGB colours and the ratio between two. Colours are
 * `#rgb`/`#rrggbb`, `rgb(r g b)`/`rgb(r, g, b)`, or `oklch(L% C h)` as Tailwind 4's palette
 * writes them (converted through OKLab to linear sRGB, clipped to the gamut).
 */

/** WCAG AA minimums: normal text, and large text (24px, or 18.66px bold) and UI components. */
export const AA_NORMAL = 4.5;
export const AA_LARGE = 3;

type Linear = [number, number, number];

const toLinear = (channel: number) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);

function oklchToLinearSrgb(l: number, c: number, hueDegrees: number): Linear {
  const h = (hueDegrees * Math.PI) / 180;
  const a = c * Math.cos(h);
  const b = c * Math.sin(h);
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clip(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_),
    clip(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_),
    clip(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_),
  ];
}

/** A colour as linear sRGB channels (0–1). Throws for a format it does not read. */
export function parseColor(color: string): Linear {
  const value = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return [0, 2, 4].map((i) => toLinear(parseInt(digits.slice(i, i + 2), 16) / 255)) as Linear;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value);
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map((v) => toLinear(Number(v) / 255)) as Linear;
  const oklch = /^oklch\(\s*([\d.]+)(%?)\s+([\d.]+)\s+([\d.]+)/.exec(value);
  if (oklch) {
    const lightness = Number(oklch[1]) / (oklch[2] ? 100 : 1);
    return oklchToLinearSrgb(lightness, Number(oklch[3]), Number(oklch[4]));
  }
  throw new Error(`Unreadable colour: ${color}`);
}

/** Relative luminance (WCAG 2): 0 for black, 1 for white. */
export function luminance(color: string): number {
  const [r, g, b] = parseColor(color);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
