import type { SearchDocument, SearchKind, SearchRef } from '../search-index.js';

/** A document as Meilisearch stores it (ids are strings; dates are epoch milliseconds). */
export interface MeiliDocument {
  id: string;
  kind: SearchKind;
  refId: number;
  title: string;
  tags: string[];
  body: string;
  /** Code spans and blocks, apart: typo tolerance is off for them. */
  code: string;
  categoryId: number | null;
  threadId: number | null;
  solved: boolean | null;
  createdAt: number;
}

const PREFIX: Record<SearchKind, string> = { THREAD: 't', POST: 'p', ARTICLE: 'a', MEMBER: 'm' };

/** The Meilisearch id of a ref: ids are unique per index, and threads and replies share one. */
export const documentId = (ref: SearchRef): string => `${PREFIX[ref.kind]}-${ref.id}`;

// The engines' match marks are control characters; text that carried its own could forge a mark.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const clean = (text: string) => text.replace(CONTROL, ' ');

/** `apart`: the body without its code, and the code (code-spans.ts), when it has any. */
export function toMeiliDocument(doc: SearchDocument, apart?: { body: string; code: string }): MeiliDocument {
  return {
    id: documentId(doc),
    kind: doc.kind,
    refId: doc.id,
    title: clean(doc.title),
    tags: doc.tags.map(clean),
    body: clean(apart?.body ?? doc.body),
    code: clean(apart?.code ?? ''),
    categoryId: doc.categoryId,
    threadId: doc.threadId,
    solved: doc.solved,
    createdAt: doc.createdAt.getTime(),
  };
}
