import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from './documents';

/** The API's GRAPHQL_MAX_DEPTH default (api/src/config.ts). */
const MAX_DEPTH = 8;

/**
 * Depth as the API's graphql-armor rule counts it (flattenFragments on): a field is one level;
 * a fragment spread adds none, its fields count where they land.
 */
function depthOf(doc: DocumentNode): number {
  const fragments = new Map(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const walk = (set: SelectionSetNode | undefined, depth: number): number => {
    let max = depth;
    for (const s of set?.selections ?? []) {
      const next =
        s.kind === Kind.FRAGMENT_SPREAD
          ? walk(fragments.get(s.name.value)?.selectionSet, depth)
          : walk(s.selectionSet, depth + 1);
      max = Math.max(max, next);
    }
    return max;
  };
  return Math.max(
    0,
    ...doc.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? walk(d.selectionSet, 0) : 0)),
  );
}

const operations = Object.entries(documents).filter(([, doc]) =>
  doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

describe('GraphQL documents', () => {
  it('include every operation', () => {
    expect(operations.map(([name]) => name)).toContain('ThreadQuery');
  });

  it.each(operations)('%s stays within the API depth limit', (_name, doc) => {
    expect(depthOf(doc)).toBeLessThanOrEqual(MAX_DEPTH);
  });

  it('counts as the API does: a field is one level, a fragment spread none', () => {
    const doc = parse(`
      query { thread(id: 1) { replies { edges { node { ...P } } } } }
      fragment P on Post { author { badgeCounts { ...C } } }
      fragment C on BadgeCounts { gold }
    `);
    expect(depthOf(doc)).toBe(7);
  });
});
