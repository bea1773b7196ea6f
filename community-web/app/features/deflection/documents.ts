import { graphql } from '../../graphql/generated';

export const SimilarQuestionsQuery = graphql(`
  query SimilarQuestions($title: String!, $body: String) {
    similarQuestions(title: $title, body: $body, first: 5) {
      ...SearchHitFields
    }
  }
`);

export const RecordSuggestionsShownMutation = graphql(`
  mutation RecordSuggestionsShown($sessionId: String!, $suggestions: [SuggestionInput!]!) {
    recordSuggestionsShown(sessionId: $sessionId, suggestions: $suggestions)
  }
`);

export const RecordSuggestionClickedMutation = graphql(`
  mutation RecordSuggestionClicked($sessionId: String!, $suggestion: SuggestionInput!) {
    recordSuggestionClicked(sessionId: $sessionId, suggestion: $suggestion)
  }
`);

export const RecordQuestionAskedMutation = graphql(`
  mutation RecordQuestionAsked($sessionId: String!, $threadId: ID!) {
    recordQuestionAsked(sessionId: $sessionId, threadId: $threadId)
  }
`);

export const DeflectionStatsQuery = graphql(`
  query DeflectionStats($days: Int!) {
    deflectionStats(days: $days, top: 20) {
      sessions
      asked
      deflectedSessions
      shown
      clicked
      deflected
      failed
      potential
      pending
      targets {
        kind
        shown
        clicked
        deflected
        failed
        potential
        pending
        article {
          id
          title
        }
        thread {
          id
          title
        }
      }
    }
  }
`);
