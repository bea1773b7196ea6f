import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '../platform/errors.js';
import { logger } from '../platform/logger.js';

const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
]);

/**
 * Maps what resolvers throw to the public error contract: DomainError → its code, message and
 * details; type-graphql input validation → BAD_USER_INPUT with `fields`; anything else is
 * logged with the request id and surfaces as INTERNAL_SERVER_ERROR without internals.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  hideSuggestions: boolean,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, ...original.details },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const fields: Record<string, string> = {};
    for (const v of original.extensions.validationErrors as Array<{
      property: string;
      constraints?: Record<string, string>;
    }>) {
      fields[v.property] = Object.values(v.constraints ?? {})[0] ?? 'is invalid';
    }
    return {
      message: Object.values(fields).join(' ') || 'The input is invalid.',
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', fields },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (PASS_THROUGH_CODES.has(code)) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: publicMessage(formatted, code, hideSuggestions), extensions };
  }
  logger.error('unexpected error', { error: original, path: formatted.path });
  return {
    message: 'Something went wrong on our side. Please try again.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Messages of GraphQL's own errors, made readable: graphql-armor calls its limit rejections
 * "Syntax Error", the token limit names graphql-js internals, Apollo's introspection refusal
 * names the server, and in production "Did you mean …?" would reveal the schema.
 */
function publicMessage(formatted: GraphQLFormattedError, code: string, hideSuggestions: boolean): string {
  let message = formatted.message;
  const tokens = /^Syntax Error: Document contains more th[ae][nt] (\d+) tokens/.exec(message);
  if (code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    return `The query is too long: it has more than ${tokens[1]} tokens, the limit. Send a smaller query.`;
  }
  if (formatted.extensions?.validationErrorCode === 'INTROSPECTION_DISABLED') {
    return 'Introspection is disabled on this server.';
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED') message = message.replace(/^Syntax Error: /, '');
  if (hideSuggestions) {
    // graphql-js appends the suggestion last (" Did you mean …?"); lastIndexOf keeps this linear.
    const at = message.lastIndexOf(' Did you mean ');
    if (at >= 0 && message.endsWith('?')) message = message.slice(0, at);
  }
  return message;
}
