import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assembly, modules } from './modules.js';

// The module contract: each module is one definition in modules.ts, and the platform wires up
// exactly what the definitions name. These tests fail when a guarded action has no rule, when a
// module's job or subscriber is not in its definition, or when platform code reaches into a module.

const SRC = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

const files = sourceFiles(SRC);
const relative = (file: string) => path.relative(SRC, file);

describe('the module contract', () => {
  it('every action a guardian is asked about has a policy rule', () => {
    const asked = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\.(?:ensureCan|can|check)\(\s*'([a-z]+\.[A-Za-z]+)'/g)) {
        asked.add(match[1]!);
      }
    }
    expect(asked.size).toBeGreaterThan(10);
    const missing = [...asked].filter((action) => !(action in assembly.rules));
    expect(missing, 'actions used without a rule in any module definition').toEqual([]);
  });

  it("every job and event subscriber a module exports is in that module's definition", async () => {
    const unregistered: string[] = [];
    for (const file of files.filter((f) => relative(f).startsWith('modules/'))) {
      const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (!value || typeof value !== 'object') continue;
        const v = value as Record<string, unknown>;
        const isJob = typeof v.name === 'string' && typeof v.handle === 'function' && 'payload' in v;
        const isSubscriber = typeof v.name === 'string' && typeof v.handle === 'function' && Array.isArray(v.events);
        if (isJob && !assembly.jobs.includes(value as never)) unregistered.push(`job ${name} (${relative(file)})`);
        if (isSubscriber && !assembly.subscribers.includes(value as never)) {
          unregistered.push(`subscriber ${name} (${relative(file)})`);
        }
      }
    }
    expect(unregistered).toEqual([]);
    expect(assembly.subscribers.map((s) => s.name)).toContain('badges.award');
  });

  it('every module folder has a definition, and modules.ts lists it', () => {
    const folders = readdirSync(path.join(SRC, 'modules')).filter((n) =>
      statSync(path.join(SRC, 'modules', n)).isDirectory(),
    );
    expect(modules.map((m) => m.name).sort()).toEqual(folders.sort());
  });

  it('platform and GraphQL code never import a module', () => {
    const offenders = files
      .filter((f) => /^(platform|graphql)\//.test(relative(f)))
      .filter((f) => /from '(\.\.\/)+modules(\/|\.js')/.test(readFileSync(f, 'utf8')))
      .map(relative);
    expect(offenders).toEqual([]);
  });

  it('a rule defined by two modules is refused at start-up', async () => {
    const { assemble } = await import('./platform/module.js');
    const [accounts] = modules;
    expect(() => assemble([accounts, { name: 'copy', rules: accounts.rules }])).toThrow(/defined twice/);
  });
});
