import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getNamedType, GraphQLError, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
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

/** Depth, alias and directive limits (graphql-armor), field suggestions hidden. */
export function armorProtection(config: Config) {
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    // Apollo's parseOptions.maxTokens enforces the token limit with a proper 400 (armor's gives a 500 on Apollo 5).
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.isProduction },
  });
  return armor.protect();
}

const SINGLE_ROOT_MUTATIONS = new Set(['login', 'register']);

/**
 * Rejects an operation whose estimated cost exceeds the limit before any resolver runs, reports
 * the cost in `extensions.cost`, and allows login-type mutations only as the sole root field
 * (so one request cannot try many passwords).
 */
export function costAndShapePlugin(schema: GraphQLSchema, config: Config): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ request, document, operation }) {
          checkSingleRoot(operation);
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
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

function checkSingleRoot(operation: OperationDefinitionNode | undefined) {
  if (!operation || operation.operation !== 'mutation') return;
  const fields = operation.selectionSet.selections;
  const sensitive = fields.some((s) => s.kind === Kind.FIELD && SINGLE_ROOT_MUTATIONS.has(s.name.value));
  if (sensitive && fields.length > 1) {
    throw new GraphQLError('login and register must be the only field of their mutation.', {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
}
