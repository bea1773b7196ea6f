import type { Page } from 'playwright-core';

export interface TextContrast {
  text: string;
  selector: string;
  color: string;
  ratio: number;
  /** The WCAG AA minimum for this text's size and weight (4.5, or 3 for large text). */
  required: number;
}

/**
 * The contrast of every visible text on the page against what is behind it, as the browser
 * renders it (colours read back through a canvas, so any CSS colour format works;
 * semi-transparent backgrounds composited up to the first opaque one). Skips what WCAG exempts:
 * disabled controls, decoration hidden from assistive technology, visually hidden text.
 */
export function scanTextContrast(page: Page): Promise<TextContrast[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    type Rgba = [number, number, number, number];
    const rgba = (color: string): Rgba => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba =>
      top[3] >= 1 ? top : ([0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as Rgba);
    const channel = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const luminance = ([r, g, b]: Rgba) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const layer = rgba(getComputedStyle(e).backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reverse().reduce<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`;

    const results: TextContrast[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (!el || seen.has(el) || !walker.currentNode.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest('[aria-disabled="true"], :disabled, [aria-hidden="true"], .sr-only, script, style, option'))
        continue;
      const rect = el.getBoundingClientRect();
      if (
        rect.width <= 1 ||
        rect.height <= 1 ||
        !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
      )
        continue;
      const style = getComputedStyle(el);
      const fg = over(rgba(style.color), background(el));
      const [light, dark] = [luminance(fg), luminance(background(el))].sort((a, b) => b - a) as [number, number];
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      results.push({
        text: walker.currentNode.textContent.trim().slice(0, 40),
        selector: describe(el),
        color: style.color,
        ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
        required: size >= 24 || (bold && size >= 18.66) ? 3 : 4.5,
      });
    }
    return results;
  });
}
