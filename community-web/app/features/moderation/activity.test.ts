import { describe, expect, it } from 'vitest';
import { actorName, describeEvent, eventLink } from './activity';

describe('activity lines', () => {
  it('names members by handle and the system by its job', () => {
    expect(actorName({ actorType: 'member', actorLabel: null, actor: { handle: 'alice' } })).toBe('@alice');
    expect(actorName({ actorType: 'system', actorLabel: 'badges', actor: null })).toBe('System (badges)');
  });

  it('says what happened, with the details that matter', () => {
    expect(describeEvent({ name: 'post.voted', data: { value: -1 } })).toBe('downvoted a post');
    expect(describeEvent({ name: 'post.voted', data: { value: 0 } })).toBe('took back a vote');
    expect(describeEvent({ name: 'post.removed', data: { reason: 'OFF_TOPIC' } })).toBe('removed a post as off-topic');
    expect(describeEvent({ name: 'thread.status_changed', data: { from: 'OPEN', to: 'LOCKED' } })).toBe(
      'changed a thread from OPEN to LOCKED',
    );
    expect(describeEvent({ name: 'reputation.adjusted', data: { points: 25, reason: 'import' } })).toBe(
      'adjusted reputation by +25: import',
    );
    expect(describeEvent({ name: 'post.edited', data: { changed: ['body', 'title'] } })).toBe(
      'edited a post (body, title)',
    );
    expect(describeEvent({ name: 'answer.accepted', data: {} })).toBe('accepted an answer');
    expect(describeEvent({ name: 'something.new', data: {} })).toBe('something.new');
  });

  it('links threads, and posts within their thread; members have no thread', () => {
    expect(eventLink({ subject: 'thread:5', data: { postId: 9 } })).toBe('/t/5#post-9');
    expect(eventLink({ subject: 'post:12', data: { threadId: 5 } })).toBe('/t/5#post-12');
    expect(eventLink({ subject: 'member:3', data: { threadId: 7, postId: null } })).toBe('/t/7');
    expect(eventLink({ subject: 'member:3', data: { memberId: 3 } })).toBeNull();
  });
});
