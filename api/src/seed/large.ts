import type { Config } from '../config.js';

export async function seedLarge(_config: Config): Promise<void> {
  throw new Error('not yet');
}
