import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AA_NORMAL, contrastRatio } from './contrast';

const APP = path.resolve(import.meta.dirname, '..');
// The light scheme's tokens: the dark scheme remaps the palette in a media block (checked by the
// browser tests' contrast scans, which see the classes it also fixes by hand).
const appCss = readFileSync(path.join(APP, 'app.css'), 'utf8').split('@media (prefers-color-scheme: dark)')[0]!;
const tailwindTheme = readFileSync(createRequire(import.meta.url).resolve('tailwindcss/theme.css'), 'utf8');

/** A colour token's value: ours (app.css) first, then Tailwind's palette. */
function token(name: string): string {
  for (const css of [appCss, tailwindTheme]) {
    const match = new RegExp(`--color-${name}:\\s*([^;]+);`).exec(css);
    if (match) return match[1]!.trim();
  }
  throw new Error(`no colour token ${name}`);
}

describe('contrastRatio', () => {
  it('matches WCAG reference values', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('rgb(118, 118, 118)', 'rgb(255 255 255)')).toBeCloseTo(4.54, 2);
    // Tailwind's white and black in OKLCH
    expect(contrastRatio('oklch(100% 0 0)', 'oklch(0% 0 0)')).toBeCloseTo(21, 2);
  });
});

/** The pairs the pages use for normal-size text: [what, text colour, background]. */
const PAIRS: [string, string, string][] = [
  ['primary button', 'white', 'brand-600'],
  ['primary button, hovered', 'white', 'brand-700'],
  ['links', 'brand-700', 'white'],
  ['timestamps and muted text', 'slate-500', 'white'],
  ['timestamps on a hovered or striped row', 'slate-500', 'slate-50'],
  ['reputation history times', 'slate-600', 'white'],
  ['footer, on the page background', 'slate-600', 'slate-50'],
  ['danger button', 'white', 'red-700'],
  ['field errors', 'red-600', 'white'],
  ['search matches (<mark>)', 'slate-900', 'yellow-200'],
  ['article badge', 'violet-800', 'violet-50'],
  ['question badge', 'sky-800', 'sky-50'],
  ['solved mark', 'emerald-800', 'white'],
];

describe('colour tokens (WCAG AA, 4.5:1 for text)', () => {
  it.each(PAIRS)('%s: %s on %s', (_what, text, background) => {
    expect(contrastRatio(token(text), token(background))).toBeGreaterThanOrEqual(AA_NORMAL);
  });

  it('the app uses no text colour lighter than slate-500, and no brand-500 text', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'generated') walk(file);
        } else if (/\.(tsx|css)$/.test(entry.name)) {
          const found = readFileSync(file, 'utf8').match(
            /\btext-(slate|gray)-(50|100|200|300|400)\b|\btext-brand-500\b/g,
          );
          // A light text on a dark code block is fine: the one place is .prose-post pre.
          for (const cls of found ?? [])
            if (!(entry.name === 'app.css' && cls === 'text-slate-100'))
              offenders.push(`${path.relative(APP, file)}: ${cls}`);
        }
      }
    };
    walk(APP);
    expect(offenders).toEqual([]);
  });
});
