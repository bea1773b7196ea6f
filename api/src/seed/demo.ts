import type { Services } from '../platform/scope.js';

/** Placeholder replaced below. */
export async function seedDemoIfEmpty(_services: Services): Promise<void> {}
