import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  GraphQLError,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config.js';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

// Its ESM build imports graphql's .mjs files, a second copy of graphql beside the one Apollo and
// type-graphql load ("another module or realm"); the CommonJS build shares theirs.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexity;

/** Connections cost their children once per requested item (GitHub's model). */
const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!getNamedType(field.type).name.endsWith('Connection')) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * Math.max(1, first);
};

/**
 * Depth, alias and directive limits (graphql-armor). Field suggestions are hidden by
 * formatError in production: armor's own masking leaves "[Suggestion hidden]?" behind and
 * misses enum-value suggestions.
 */
export function armorProtection(config: Config) {
  const armor = new ApolloArmor({
    // Depth is the nesting of fields: a fragment spread adds no level (its fields still count
    // where they land), so clients can share fragments without losing depth budget.
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    // Apollo's parseOptions.maxTokens enforces the token limit with a proper 400 (armor's gives a 500 on Apollo 5).
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect();
}

const SINGLE_ROOT_MUTATIONS = new Set(['login', 'register']);

/**
 * Before any resolver runs: rejects text containing NUL (PostgreSQL cannot store it, so it would
 * surface as an internal error), allows login-type mutations only as the sole root field (so one
 * request cannot try many passwords) and rejects an operation whose estimated cost exceeds the
 * limit. Reports the cost in `extensions.cost`.
 */
export function costAndShapePlugin(schema: GraphQLSchema, config: Config): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ request, document, operation }) {
          checkNoNulCharacters(document, request.variables);
          checkSingleRoot(operation, document);
          try {
            cost = costOf(schema, document, request.operationName, request.variables);
          } catch (err) {
            // Variables that do not coerce: execution reports them as BAD_USER_INPUT, untouched.
            if (err instanceof GraphQLError) return;
            throw err;
          }
          if (cost > config.GRAPHQL_MAX_COST) {
            throw new GraphQLError(
              `This query costs ${cost} points; the limit is ${config.GRAPHQL_MAX_COST}. Ask for fewer items (first) or fewer fields.`,
              { extensions: { code: 'BAD_USER_INPUT', cost, maxCost: config.GRAPHQL_MAX_COST, http: { status: 400 } } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && cost > 0) {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
          }
        },
      };
    },
  };
}

/**
 * Apollo hands every request with the same query text the same parsed document, so what
 * depends only on the document is computed once per document: the cost, per combination of
 * the Int and Boolean variables (the only ones that can reach `first` or `@include(if:)`),
 * and where a NUL character sits in the query text.
 */
interface DocumentFacts {
  costs: Map<string, number>;
  nulField?: string | null;
}
const documentFacts = new WeakMap<DocumentNode, DocumentFacts>();
const MAX_COSTS_PER_DOCUMENT = 256;

function factsOf(document: DocumentNode): DocumentFacts {
  let facts = documentFacts.get(document);
  if (!facts) documentFacts.set(document, (facts = { costs: new Map() }));
  return facts;
}

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  const facts = factsOf(document);
  const shaping = Object.entries(variables ?? {}).filter(([, v]) => typeof v === 'number' || typeof v === 'boolean');
  const key = `${operationName ?? ''}|${JSON.stringify(shaping)}`;
  let cost = facts.costs.get(key);
  if (cost === undefined) {
    cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    if (facts.costs.size < MAX_COSTS_PER_DOCUMENT) facts.costs.set(key, cost);
  }
  return cost;
}

function checkSingleRoot(operation: OperationDefinitionNode | undefined, document: DocumentNode) {
  if (!operation || operation.operation !== 'mutation') return;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  // Root fields as executed: fragment spreads and inline fragments on Mutation are flattened.
  const rootFields: string[] = [];
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) rootFields.push(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  if (rootFields.some((f) => SINGLE_ROOT_MUTATIONS.has(f)) && rootFields.length > 1) {
    throw new GraphQLError('login and register must be the only field of their mutation.', {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
}

const NUL = '\u0000';

/** The argument or input field holding a string with NUL, from the variables or the document. */
function checkNoNulCharacters(document: DocumentNode, variables: Record<string, unknown> | undefined) {
  let field: string | null = null;
  const walk = (value: unknown, name: string): void => {
    if (field !== null) return;
    if (typeof value === 'string') {
      if (value.includes(NUL)) field = name;
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, name);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(variables ?? {}, 'input');
  if (field === null) field = nulFieldInDocument(document);
  if (field !== null) {
    const message = `${field} must not contain the NUL character (U+0000).`;
    throw new GraphQLError(message, {
      extensions: { code: 'BAD_USER_INPUT', fields: { [field]: message }, http: { status: 400 } },
    });
  }
}

function nulFieldInDocument(document: DocumentNode): string | null {
  const facts = factsOf(document);
  if (facts.nulField !== undefined) return facts.nulField;
  let field: string | null = null;
  visit(document, {
    StringValue(node, _key, _parent, _path, ancestors) {
      if (field !== null || !node.value.includes(NUL)) return;
      const owner = [...ancestors]
        .reverse()
        .find(
          (a): a is ASTNode =>
            !Array.isArray(a) && ['Argument', 'ObjectField', 'VariableDefinition'].includes((a as ASTNode).kind),
        );
      field =
        owner?.kind === Kind.ARGUMENT || owner?.kind === Kind.OBJECT_FIELD
          ? owner.name.value
          : owner?.kind === Kind.VARIABLE_DEFINITION
            ? owner.variable.name.value
            : 'input';
    },
  });
  facts.nulField = field;
  return field;
}
