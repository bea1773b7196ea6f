import { describe, expect, it } from 'vitest';
import type { SourceBaseline } from './article.entity.js';
import { answerFor, sourceChanges, type ThreadSource } from './article-source.js';

const post = (postId: number, revision = 1, pickedAt: Date | null = null) => ({
  postId,
  authorId: postId * 10,
  body: `body ${postId}`,
  revision,
  editorIds: [],
  pickedAt,
});

function thread(
  over: Partial<Omit<ThreadSource, 'answers'>> & { answers?: ReturnType<typeof post>[] } = {},
): ThreadSource {
  const { answers, ...rest } = over;
  return {
    threadId: 1,
    title: 'Sync fails after update',
    tags: [],
    categoryId: 1,
    status: 'ANSWERED',
    acceptedPostId: 2,
    question: post(1),
    ...rest,
    answers: new Map((answers ?? [post(2)]).map((a) => [a.postId, a])),
  };
}

const baseline: SourceBaseline = {
  acceptedPostId: 2,
  questionPostId: 1,
  questionRevision: 1,
  answerPostId: 2,
  answerRevision: 1,
  answerChosen: false,
  threadStatus: 'ANSWERED',
};

describe('sourceChanges', () => {
  it('is empty while the thread says what the article was built from', () => {
    expect(sourceChanges(baseline, thread())).toEqual([]);
  });

  it('names each change that matters to readers', () => {
    expect(sourceChanges(baseline, thread({ acceptedPostId: 3, answers: [post(2), post(3)] }))).toEqual([
      { kind: 'accepted_changed', from: 2, to: 3 },
    ]);
    expect(sourceChanges(baseline, thread({ acceptedPostId: null, status: 'OPEN' }))).toEqual([
      { kind: 'unaccepted', postId: 2 },
    ]);
    expect(sourceChanges(baseline, thread({ acceptedPostId: null, answers: [] }))).toEqual([
      { kind: 'answer_gone', postId: 2 },
    ]);
    expect(sourceChanges(baseline, thread({ answers: [post(2, 3)], question: post(1, 2) }))).toEqual([
      { kind: 'answer_edited', postId: 2, from: 1, to: 3 },
      { kind: 'question_edited', postId: 1, from: 1, to: 2 },
    ]);
    expect(sourceChanges({ ...baseline, threadStatus: 'CLOSED' }, thread())).toEqual([
      { kind: 'reopened', from: 'CLOSED' },
    ]);
    expect(sourceChanges(baseline, null)).toEqual([{ kind: 'thread_gone' }]);
  });

  it('an answer staff chose by hand stays the source when another is accepted', () => {
    const chosen = { ...baseline, acceptedPostId: null, answerPostId: 3, answerChosen: true };
    const source = thread({ acceptedPostId: 2, answers: [post(2), post(3)] });
    expect(sourceChanges({ ...chosen, acceptedPostId: 2 }, source)).toEqual([]);
    expect(answerFor(source, 3)?.postId).toBe(3);
    expect(answerFor(source, null)?.postId).toBe(2);
  });

  it('without an accepted answer, the latest staff pick is the answer', () => {
    const source = thread({
      acceptedPostId: null,
      answers: [post(2, 1, new Date('2026-01-01')), post(3, 1, new Date('2026-02-01'))],
    });
    expect(answerFor(source, null)?.postId).toBe(3);
  });
});
