import path from 'node:path';
import { describe, expect, it } from 'vitest';
import routes from './routes';
import { SAME_ORIGIN_CHECKED } from './lib/same-origin.server';

type RouteEntry = { file: string; children?: RouteEntry[] };
const files = (entries: RouteEntry[]): string[] => entries.flatMap((r) => [r.file, ...files(r.children ?? [])]);

describe('route modules', () => {
  it.each(files(routes as RouteEntry[]))('%s: its action, if any, refuses cross-origin requests', async (file) => {
    const mod = (await import(/* @vite-ignore */ path.join(import.meta.dirname, file))) as {
      action?: Record<symbol, unknown>;
    };
    if (mod.action) expect(mod.action[SAME_ORIGIN_CHECKED]).toBe(true);
  });
});
