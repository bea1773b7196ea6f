import { describe, expect, it } from 'vitest';
import { splitCode } from './code-spans.js';

describe('splitCode', () => {
  it('takes fenced blocks and inline spans out of the prose', () => {
    const { code, prose } = splitCode(
      'Run `npm ci` first.\n\n```sh\nexport FROBNICATE_WIDGET=1\nnpm start\n```\n\nThen it works.',
    );
    expect(code).toBe('npm ci export FROBNICATE_WIDGET=1 npm start');
    expect(prose).not.toContain('FROBNICATE');
    expect(prose).not.toContain('npm');
    expect(prose).toContain('Run');
    expect(prose).toContain('Then it works.');
  });

  it('a fence never closed runs to the end; tildes fence too; prose without code is unchanged', () => {
    expect(splitCode('Before\n~~~\nleft_open()\nstill code').code).toBe('left_open() still code');
    expect(splitCode('Before\n~~~\nleft_open()\nstill code').prose.trim()).toBe('Before');
    expect(splitCode('plain words only')).toEqual({ code: '', prose: 'plain words only' });
  });

  it('two blocks stay two: the prose between them is kept', () => {
    const { code, prose } = splitCode('```\nalpha_one\n```\nmiddle words\n```\nbeta_two\n```');
    expect(code).toBe('alpha_one beta_two');
    expect(prose).toContain('middle words');
  });
});
