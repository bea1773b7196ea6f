import { describe, expect, it } from 'vitest';
import { formatDay, issueTeaser, listFields, queueReason, threadArticleNote } from './wording';

describe('knowledge wording', () => {
  it('lists changed fields as a sentence', () => {
    expect(listFields([])).toBe('');
    expect(listFields(['resolution'])).toBe('Resolution');
    expect(listFields(['title', 'issue', 'cause'])).toBe('Title, Issue and Cause');
    expect(listFields(['tags', 'categoryId'])).toBe('Tags and Category');
  });

  it('formats days in UTC', () => {
    expect(formatDay('2026-06-01')).toBe('1 Jun 2026');
    expect(formatDay('2026-12-01T23:59:00.000Z')).toBe('1 Dec 2026');
  });

  it('reduces the issue to a line of plain text, cut at a word', () => {
    expect(issueTeaser('My **hub** blinks `blue`.\n\nSee [the guide](https://x.test).')).toBe(
      'My hub blinks blue. See the guide.',
    );
    expect(issueTeaser('```\ncode\n```\nAfter the code')).toBe('After the code');
    const long = issueTeaser('word '.repeat(60), 40);
    expect(long.length).toBeLessThanOrEqual(41);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('says what a queue item waits for, the flag first', () => {
    const item = { state: 'PUBLISHED', needsReview: true, hasStagedVersion: true };
    expect(queueReason(item)).toBe('Needs review');
    expect(queueReason({ ...item, needsReview: false })).toBe('Staged changes to publish');
    expect(queueReason({ state: 'IN_REVIEW', needsReview: false, hasStagedVersion: false })).toBe('Ready to publish');
    expect(queueReason({ state: 'DRAFT', needsReview: false, hasStagedVersion: false })).toBe('Draft to edit');
  });
});

describe('threadArticleNote', () => {
  it('tells readers where the answer is, and staff what the article waits for', () => {
    expect(threadArticleNote({ state: 'PUBLISHED' })).toEqual({
      lead: 'This question is answered in the knowledge base:',
      link: '',
    });
    expect(threadArticleNote({ state: 'DRAFT' })).toEqual({
      lead: 'Knowledge draft made from this thread:',
      link: 'review it',
    });
    expect(threadArticleNote({ state: 'IN_REVIEW' }).link).toBe('publish or edit it');
    expect(threadArticleNote({ state: 'ARCHIVED' }).lead).toContain('archived');
  });
});
