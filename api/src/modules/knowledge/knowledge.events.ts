/**
 * What the knowledge base announces. Search indexes published articles from these; badges
 * award Knowledge Contributor on publication and take it back on archiving; notifications
 * (when they exist) tell contributors. Every event names its article.
 */
declare module '../../platform/events/events.js' {
  interface EventData {
    'article.created': {
      articleId: number;
      threadId: number | null;
      postId: number | null;
      /** Made by the drafts subscriber from an accepted or picked answer, not by a person. */
      automatic: boolean;
    };
    'article.updated': {
      articleId: number;
      version: number;
      /** A new version of a published article, not yet what readers see. */
      staged: boolean;
      changed: string[];
      /** Made from the source thread by the system, not by a person. */
      automatic: boolean;
    };
    'article.submitted': { articleId: number; version: number };
    'article.published': {
      articleId: number;
      version: number;
      /** The author of the answer it was made from (credited), if any. */
      answerAuthorId: number | null;
      firstPublication: boolean;
    };
    'article.archived': { articleId: number; reason: string; wasPublished: boolean; answerAuthorId: number | null };
    'article.flagged': { articleId: number; reason: string };
    'article.verified': { articleId: number; reviewBy: string };
    'article.rated': { articleId: number; helpful: boolean; previous: boolean | null };
  }
}

export {};
