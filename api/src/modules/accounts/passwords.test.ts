import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  configurePasswordHashing,
  currentPasswordHashing,
  hashPassword,
  OWASP_ARGON2ID,
  passwordHashingFor,
  TEST_ONLY_ARGON2ID,
  verifyPassword,
} from './passwords.js';

afterEach(() => {
  vi.unstubAllEnvs();
  configurePasswordHashing({ NODE_ENV: 'development' });
});

describe('password hashing parameters', () => {
  it("production and development hash with OWASP's argon2id baseline: 19 MiB, t=2, p=1", async () => {
    expect(OWASP_ARGON2ID).toEqual({ algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
    for (const NODE_ENV of ['production', 'development']) {
      expect(passwordHashingFor({ NODE_ENV })).toBe(OWASP_ARGON2ID);
    }
    vi.stubEnv('NODE_ENV', 'production');
    expect(configurePasswordHashing({ NODE_ENV: 'production' })).toBe(OWASP_ARGON2ID);
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse battery')).toBe(false);
  });

  it('a process that never configured hashing uses the baseline', async () => {
    vi.resetModules();
    const fresh = await import('./passwords.js');
    expect(fresh.currentPasswordHashing()).toEqual(OWASP_ARGON2ID);
    expect(await fresh.hashPassword('correct horse battery')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('only NODE_ENV=test gets the cheap parameters, still argon2id', async () => {
    expect(configurePasswordHashing({ NODE_ENV: 'test' })).toBe(TEST_ONLY_ARGON2ID);
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    // A hash carries its parameters: verifying does not depend on the configured ones.
    configurePasswordHashing({ NODE_ENV: 'production' });
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
  });

  it('refuses the cheap parameters when the process runs in production, whatever the configuration says', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => configurePasswordHashing({ NODE_ENV: 'test' })).toThrow(/outside NODE_ENV=test/);
    expect(currentPasswordHashing()).toBe(OWASP_ARGON2ID);
  });

  it('refuses to hash with the cheap parameters once the process environment says production', async () => {
    configurePasswordHashing({ NODE_ENV: 'test' });
    vi.stubEnv('NODE_ENV', 'production');
    await expect(hashPassword('correct horse battery')).rejects.toThrow(/outside NODE_ENV=test/);
  });

  it('verifies unknown accounts against a decoy hash and says no', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false);
  });
});
