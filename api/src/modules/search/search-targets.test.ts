import { describe, expect, it } from 'vitest';
import { searchTargets } from './search-targets.js';

const edited = (isQuestion: boolean, changed: string[]) => ({
  name: 'post.edited' as const,
  data: { postId: 7, threadId: 3, authorId: 1, isQuestion, revision: 2, changed, before: {} },
});

describe('searchTargets', () => {
  it('names the document a creation adds', () => {
    expect(
      searchTargets([
        { name: 'thread.created', data: { threadId: 3, postId: 6 } },
        { name: 'post.created', data: { postId: 7, threadId: 3 } },
        { name: 'member.registered', data: { memberId: 9, handle: 'ann', held: false } },
        { name: 'member.approved', data: { memberId: 10, handle: 'bob' } },
      ]),
    ).toEqual({
      refs: [
        { kind: 'THREAD', id: 3 },
        { kind: 'POST', id: 7 },
        { kind: 'MEMBER', id: 9 },
        { kind: 'MEMBER', id: 10 },
      ],
      threads: [],
    });
  });

  it("expands a question's title or tags edit to the thread's replies, not a body edit", () => {
    expect(searchTargets([edited(true, ['title'])])).toEqual({ refs: [], threads: [3] });
    expect(searchTargets([edited(true, ['tags', 'body'])])).toEqual({ refs: [], threads: [3] });
    expect(searchTargets([edited(true, ['body'])])).toEqual({ refs: [{ kind: 'THREAD', id: 3 }], threads: [] });
    expect(searchTargets([edited(false, ['body'])])).toEqual({ refs: [{ kind: 'POST', id: 7 }], threads: [] });
  });

  it('a deleted, removed or restored question, or a deleted solution, stands for its whole thread', () => {
    for (const name of ['post.deleted', 'post.removed', 'post.restored'] as const) {
      expect(searchTargets([{ name, data: { postId: 6, threadId: 3, isQuestion: true } }])).toEqual({
        refs: [],
        threads: [3],
      });
      expect(searchTargets([{ name, data: { postId: 7, threadId: 3, isQuestion: false } }])).toEqual({
        refs: [{ kind: 'POST', id: 7 }],
        threads: [],
      });
    }
    expect(
      searchTargets([{ name: 'post.deleted', data: { postId: 7, threadId: 3, isQuestion: false, wasAccepted: true } }]),
    ).toEqual({ refs: [], threads: [3] });
  });

  it('solved changes reach the thread and its replies, once per thread', () => {
    expect(
      searchTargets([
        { name: 'answer.accepted', data: { threadId: 3, postId: 7 } },
        { name: 'answer.unaccepted', data: { threadId: 3, postId: 7 } },
        { name: 'thread.status_changed', data: { threadId: 4, from: 'OPEN', to: 'CLOSED' } },
      ]),
    ).toEqual({ refs: [], threads: [3, 4] });
  });

  it('a moved thread takes its replies along; a merge reaches both threads (the replies changed thread)', () => {
    expect(searchTargets([{ name: 'thread.moved', data: { threadId: 3 } }])).toEqual({ refs: [], threads: [3] });
    expect(searchTargets([{ name: 'thread.merged', data: { threadId: 3, intoThreadId: 9 } }])).toEqual({
      refs: [],
      threads: [3, 9],
    });
  });

  it('names an article on each of its events (sync keeps it only while published)', () => {
    expect(
      searchTargets(
        (['article.published', 'article.archived', 'article.updated'] as const).map((name) => ({
          name,
          data: { articleId: 5 },
        })),
      ),
    ).toEqual({ refs: Array(3).fill({ kind: 'ARTICLE', id: 5 }), threads: [] });
  });

  it('ignores events that change nothing searchable', () => {
    expect(searchTargets([{ name: 'post.voted', data: { postId: 7, threadId: 3 } }])).toEqual({
      refs: [],
      threads: [],
    });
  });
});
