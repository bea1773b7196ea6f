import { hash, verify } from '@node-rs/argon2';

export interface PasswordHashing {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */;
  /** KiB */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. Every environment but tests. */
export const OWASP_ARGON2ID: Readonly<PasswordHashing> = Object.freeze({
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
});

/**
 * For the test suite only (NODE_ENV=test): the same algorithm at a fraction of the cost, since
 * tests register hundreds of members. Hashes stay valid argon2id; they are just cheap to guess.
 */
export const TEST_ONLY_ARGON2ID: Readonly<PasswordHashing> = Object.freeze({
  algorithm: 2,
  memoryCost: 1024,
  timeCost: 1,
  parallelism: 1,
});

/** The parameters an environment uses: the cheap ones under NODE_ENV=test, OWASP's otherwise. */
export function passwordHashingFor(config: { NODE_ENV: string }): Readonly<PasswordHashing> {
  return config.NODE_ENV === 'test' ? TEST_ONLY_ARGON2ID : OWASP_ARGON2ID;
}

let current: Readonly<PasswordHashing> = OWASP_ARGON2ID;

/**
 * Chooses the hashing parameters from the configuration at start-up (main.ts, the test API).
 * Unconfigured, the process hashes with OWASP's baseline. The cheap parameters are refused when
 * either the configuration or the process environment says production, so a production process
 * cannot hash with them whatever it was told.
 */
export function configurePasswordHashing(config: { NODE_ENV: string }): Readonly<PasswordHashing> {
  const chosen = passwordHashingFor(config);
  assertAllowed(chosen, config.NODE_ENV);
  current = chosen;
  decoy = undefined;
  return chosen;
}

/** The parameters new hashes get (existing hashes carry their own, so verifying never depends on them). */
export const currentPasswordHashing = (): Readonly<PasswordHashing> => current;

function assertAllowed(params: Readonly<PasswordHashing>, nodeEnv: string | undefined) {
  const weaker =
    params.memoryCost < OWASP_ARGON2ID.memoryCost ||
    params.timeCost < OWASP_ARGON2ID.timeCost ||
    params.parallelism < OWASP_ARGON2ID.parallelism;
  if (weaker && (nodeEnv !== 'test' || process.env.NODE_ENV === 'production')) {
    throw new Error('Refusing test-only argon2 parameters outside NODE_ENV=test');
  }
}

export async function hashPassword(password: string): Promise<string> {
  // Checked on every hash as well, against the process environment as it is now.
  assertAllowed(current, process.env.NODE_ENV === 'production' ? 'production' : 'test');
  return hash(password, current);
}

/** A real hash to verify against when the account is unknown, so timing reveals nothing. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hashPassword('decoy-password-for-unknown-accounts');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
