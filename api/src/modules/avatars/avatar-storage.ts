import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where stored files live. Local disk today; object storage (S3 and the like) can implement the
 * same three calls later without the avatars module changing.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** Deletes the files; a missing one is not an error. */
  delete(keys: string[]): Promise<void>;
}

/** Keys are flat `folder/name.ext` paths of safe characters: no way out of the root. */
const KEY = /^[a-z0-9-]+\/[A-Za-z0-9_-]+\.[a-z0-9]+$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Invalid storage key: ${key}`);
  return key;
}

/** Files under one folder on local disk; writes go to a temporary name first, then are renamed. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    return path.join(this.root, checkedKey(key));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, target);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.file(key), { force: true })));
  }
}

const storages = new Map<string, FileStorage>();

/** The storage for uploads: `UPLOADS_DIR`, or `<DATA_DIR>/uploads`. */
export function uploadsStorage(config: { UPLOADS_DIR?: string; DATA_DIR: string }): FileStorage {
  const root = path.resolve(config.UPLOADS_DIR ?? path.join(config.DATA_DIR, 'uploads'));
  let storage = storages.get(root);
  if (!storage) storages.set(root, (storage = new LocalDiskStorage(root)));
  return storage;
}
