import 'reflect-metadata';
import { bootstrap } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { isEmpty, seedDemo } from '../seed/demo.js';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(`npm run seed [-- options]

  (no option)   seed the demo community into the configured database if it is empty
  --reset       empty the configured database first, then seed the demo community
  --large       build the benchmark data set in database hearth_bench (see api/src/seed/large.ts)`);
  process.exit(0);
}

if (args.includes('--large')) {
  const { seedLarge } = await import('../seed/large.js');
  await seedLarge(loadConfig());
  process.exit(0);
}

const app = await bootstrap(loadConfig({ ...process.env, SEED_DEMO: 'never' }), undefined, { startWorkers: false });
const em = app.services.orm.em.fork();
if (args.includes('--reset')) {
  await em
    .getConnection()
    .execute(
      'truncate members, sessions, categories, threads, posts, post_votes, post_revisions, rate_limits, reputation_events, reputation_rollups, badge_awards, advocate_changes restart identity cascade',
    );
}
if (await isEmpty(app.services)) {
  const started = Date.now();
  await seedDemo(app.services);
  console.log(`seeded the demo community in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  console.log('the database already has members: nothing seeded (use --reset to start over)');
}
await app.close();
