import { api } from '../../graphql/client.server';
import {
  RecordQuestionAskedMutation,
  RecordSuggestionClickedMutation,
  RecordSuggestionsShownMutation,
  SimilarQuestionsQuery,
} from './documents';
import { isAskSessionId, SUGGESTION_BODY_LENGTH, toSuggestions, type Suggestion, type SuggestionKind } from './session';

/**
 * The deflection log's calls, made server side with the member's token. Recording is
 * best-effort: a failure is logged and never stops the member (nor posting a question).
 */
async function bestEffort(what: string, call: () => Promise<{ error: { code: string; message: string } | null }>) {
  try {
    const res = await call();
    if (res.error) console.warn(`deflection: ${what} not recorded (${res.error.code}: ${res.error.message})`);
  } catch (error) {
    console.warn(`deflection: ${what} not recorded`, error);
  }
}

/** Solved questions and articles like the one being asked; bad input (the API's) is an error. */
export async function findSimilar(request: Request, title: string, body: string) {
  const res = await api(request, SimilarQuestionsQuery, {
    title,
    body: body.slice(0, SUGGESTION_BODY_LENGTH) || null,
  });
  if (res.error) return { suggestions: [] as Suggestion[], error: res.error };
  return { suggestions: toSuggestions(res.data.similarQuestions), error: null };
}

export async function recordShown(request: Request, sessionId: string, suggestions: Suggestion[]) {
  if (!isAskSessionId(sessionId) || suggestions.length === 0) return;
  await bestEffort('suggestions shown', () =>
    api(request, RecordSuggestionsShownMutation, {
      sessionId,
      suggestions: suggestions.map(({ kind, id }) => ({ kind, id })),
    }),
  );
}

export async function recordClicked(request: Request, sessionId: string, kind: SuggestionKind, id: string) {
  if (!isAskSessionId(sessionId)) return;
  await bestEffort('suggestion clicked', () =>
    api(request, RecordSuggestionClickedMutation, { sessionId, suggestion: { kind, id } }),
  );
}

export async function recordAsked(request: Request, sessionId: string, threadId: string) {
  if (!isAskSessionId(sessionId)) return;
  await bestEffort('question asked', () => api(request, RecordQuestionAskedMutation, { sessionId, threadId }));
}
