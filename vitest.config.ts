import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Vite would resolve our `import 'graphql'` to its .mjs build while Node loads the CommonJS one
// for Apollo and type-graphql: two copies of graphql ("another module or realm"). Pin ours to Node's.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

/**
 * One run, three projects: unit tests beside the code, API tests over HTTP against a real
 * PostgreSQL (an embedded cluster per run, a database per worker cloned from a migrated
 * template), and browser tests in Debian's Chromium against the built web app.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['api/src/**/*.test.ts', 'community-web/app/**/*.test.ts'],
          environment: 'node',
          // Projects with different worker counts must run as separate groups, one after another.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/fail-on-console-error.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Subscribers run after commit: on a busy machine they take seconds (see e2e below).
          expect: { poll: { timeout: 10_000 } },
          pool: 'forks',
          maxWorkers: 2,
          // Each file starts its own API on its own database and closes it: loading the API's
          // modules once per worker rather than once per file saves a third of this project's
          // time on 2 cores (294 s against 452 s).
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // A page that answers in 100 ms on a quiet machine takes seconds on a busy one: polls
          // end when they pass, so only a real failure waits this long (vitest's default is 1 s).
          expect: { poll: { timeout: 10_000 } },
          // One file at a time: a browser test keeps both cores busy (Chromium, the web server, the
          // API); two at once were slower in total on 2 cores (measured: 119 s against 110 s).
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          // As for the API tests: the modules are loaded once, each file still has its own stack.
          isolate: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
