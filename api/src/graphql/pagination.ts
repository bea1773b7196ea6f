import { ClassType, Field, ObjectType } from 'type-graphql';
import { ValidationError } from '../platform/errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** Builds the Edge and Connection object types for one node type (Relay shape). */
export function connectionType<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** `first` defaults to 20 and must be 1–100 (GitHub's rule): larger is BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError({ first: `first must be between 1 and ${MAX_PAGE_SIZE}.` });
  }
  return first;
}

export type CursorValue = string | number;

/**
 * What each value of a cursor must be, checked before it reaches SQL (a tampered cursor is
 * BAD_USER_INPUT, never a PostgreSQL cast error):
 * - `timestamp`: an ISO 8601 instant exactly as `Date.toISOString()` writes it (the lists'
 *   timestamptz(3) columns), in PostgreSQL's range;
 * - `id`: a row id, an integer 1–2,147,483,647 (int4 identity columns);
 * - `int`: an int4 value (a score), negative allowed;
 * - `bigid`: a bigint row id, as a decimal string (JSON numbers lose precision past 2^53).
 */
export type CursorKind = 'timestamp' | 'id' | 'int' | 'bigid';

const INT4_MAX = 2_147_483_647;
const INT8_MAX = 9_223_372_036_854_775_807n;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const VALID: Record<CursorKind, (v: unknown) => boolean> = {
  timestamp: (v) =>
    typeof v === 'string' &&
    ISO_INSTANT.test(v) &&
    v >= '0001' && // PostgreSQL has no year 0
    !Number.isNaN(Date.parse(v)) &&
    new Date(v).toISOString() === v, // rejects 2026-02-31 and 24:00 (Date would roll them over)
  id: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= INT4_MAX,
  int: (v) => typeof v === 'number' && Number.isInteger(v) && v >= -INT4_MAX - 1 && v <= INT4_MAX,
  bigid: (v) => typeof v === 'string' && /^[1-9]\d{0,18}$/.test(v) && BigInt(v) <= INT8_MAX,
};

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor for a list whose cursor holds values of `shape`;
 * anything else (not base64url JSON, another list's cursor, or a value out of its kind's range)
 * is BAD_USER_INPUT naming `after`.
 */
export function decodeCursor(cursor: string | null | undefined, shape: CursorKind[]): CursorValue[] | null {
  if (cursor === null || cursor === undefined) return null;
  const invalid = () =>
    new ValidationError({ after: 'after is not a valid cursor for this list: pass an endCursor this list returned.' });
  // Cursors are short; a long one is not ours (and is not worth parsing).
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw invalid();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== shape.length || values.some((v, i) => !VALID[shape[i]!](v))) {
    throw invalid();
  }
  return values as CursorValue[];
}

/**
 * Decodes a cursor of a list whose rows come in sections with cursors of different shapes (a
 * list's pinned rows, then the rest): the index of the shape it has, and its values. Shapes
 * must differ in length, so a cursor matches one at most.
 */
export function decodeSectionCursor(
  cursor: string | null | undefined,
  shapes: CursorKind[][],
): { section: number; values: CursorValue[] } | null {
  if (cursor === null || cursor === undefined) return null;
  let length = -1;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor.slice(0, 200), 'base64url').toString('utf8'));
    if (Array.isArray(values)) length = values.length;
  } catch {
    // not ours: decodeCursor below says so
  }
  const section = Math.max(
    0,
    shapes.findIndex((shape) => shape.length === length),
  );
  return { section, values: decodeCursor(cursor, shapes[section]!)! };
}

/** Turns `first + 1` fetched rows into a connection: the extra row only says there is more. */
export function toConnection<T>(rows: T[], first: number, cursorOf: (row: T) => CursorValue[]): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.length ? edges[edges.length - 1]!.cursor : null,
    },
  };
}

/**
 * Parses a GraphQL ID into a database id (int4): anything but a decimal 1–2,147,483,647 is
 * BAD_USER_INPUT naming `field`, so an id past int4 never reaches a query as a cast error.
 */
export function parseId(value: string | number, field = 'id'): number {
  const text = String(value);
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 2147483647) {
    throw new ValidationError({ [field]: `${field} is not a valid id.` });
  }
  return Number(text);
}
