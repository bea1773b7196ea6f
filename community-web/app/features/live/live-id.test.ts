import { describe, expect, it } from 'vitest';
import { formatLiveId, parseLiveId } from './live-id';

describe('live ids', () => {
  it('round-trips both cursors, either missing', () => {
    for (const cursor of [
      { thread: '12', notification: '7' },
      { thread: null, notification: '7' },
      { thread: '12', notification: null },
      { thread: null, notification: null },
    ]) {
      expect(parseLiveId(formatLiveId(cursor))).toEqual(cursor);
    }
  });

  it('ignores what it did not write', () => {
    expect(parseLiveId('t1;drop.n2')).toEqual({ thread: null, notification: null });
    expect(parseLiveId(null)).toEqual({ thread: null, notification: null });
    expect(parseLiveId('t99999999999999999999.n1')).toEqual({ thread: null, notification: null });
  });
});
