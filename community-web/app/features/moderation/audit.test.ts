import { describe, expect, it } from 'vitest';
import { auditLink, changesOf, describeAudit } from './audit';

describe('the audit log in words', () => {
  it('names thread status actions, review decisions and removals', () => {
    expect(describeAudit({ name: 'thread.status_changed', data: { action: 'lock' } })).toBe('locked a thread');
    expect(describeAudit({ name: 'review.resolved', data: { decision: 'AGREE' } })).toBe(
      'decided a review item: agree',
    );
    expect(describeAudit({ name: 'post.removed', data: { reason: 'OFF_TOPIC' } })).toBe('removed a post as off-topic');
    expect(describeAudit({ name: 'member.silenced', data: {} })).toBe('silenced a member');
    expect(describeAudit({ name: 'something.new', data: {} })).toBe('something.new');
  });

  it('links posts and threads, not members', () => {
    expect(auditLink({ subject: 'post:7', data: { threadId: 3 } })).toBe('/t/3#post-7');
    expect(auditLink({ subject: 'thread:3', data: {} })).toBe('/t/3');
    expect(auditLink({ subject: 'member:9', data: {} })).toBeNull();
  });

  it('lists the fields that changed', () => {
    expect(changesOf({ before: { status: 'OPEN' }, after: { status: 'LOCKED' } })).toEqual(['status: OPEN → LOCKED']);
    expect(changesOf({ before: { hidden: false }, after: { hidden: true, reason: 'spam' } })).toEqual([
      'hidden: false → true',
      'reason: none → spam',
    ]);
    expect(changesOf({ before: { scope: 'GLOBAL' }, after: { scope: 'GLOBAL' } })).toEqual([]);
    expect(changesOf({ before: null, after: null })).toEqual([]);
  });
});
