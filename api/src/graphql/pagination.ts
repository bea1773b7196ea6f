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

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with the given shape; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string | null | undefined, shape: ('string' | 'number')[]) {
  if (cursor === null || cursor === undefined) return null;
  const invalid = () => new ValidationError({ after: 'after is not a valid cursor for this list.' });
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(values) ||
    values.length !== shape.length ||
    values.some((v, i) => typeof v !== shape[i] || (typeof v === 'number' && !Number.isSafeInteger(v)))
  ) {
    throw invalid();
  }
  return values as CursorValue[];
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

/** Parses a GraphQL ID into a database id; a malformed id is reported as `field`. */
export function parseId(value: string | number, field = 'id'): number {
  const text = String(value);
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 2147483647) {
    throw new ValidationError({ [field]: `${field} is not a valid id.` });
  }
  return Number(text);
}
