import { describe, expect, it } from 'vitest';
import { threadIdFrom } from './thread-ref';

describe('threadIdFrom', () => {
  it('reads an id, a path or a URL', () => {
    expect(threadIdFrom(' 42 ')).toBe('42');
    expect(threadIdFrom('/t/42')).toBe('42');
    expect(threadIdFrom('https://community.example/t/42#post-7')).toBe('42');
    expect(threadIdFrom('http://localhost:3000/t/9?after=x')).toBe('9');
  });
  it('leaves anything else for the API to refuse', () => {
    expect(threadIdFrom('forty-two')).toBe('forty-two');
    expect(threadIdFrom('/c/general')).toBe('/c/general');
  });
});
