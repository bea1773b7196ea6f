export interface MeilisearchServer {
  url: string;
  masterKey: string;
  dbPath: string;
  readonly pid: number | null;
  halt(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function meilisearchBinary(): string;
export function freePort(): Promise<number>;
export function startMeilisearch(options?: {
  dbPath?: string;
  port?: number;
  masterKey?: string;
  log?: 'inherit' | 'ignore';
  maxIndexingMemory?: string;
}): Promise<MeilisearchServer>;
