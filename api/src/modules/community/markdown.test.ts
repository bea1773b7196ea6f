import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer, mentionedHandles } from './markdown.js';

const render = createMarkdownRenderer('https://community.example.com');

/** Everything a browser could execute from rendered HTML. */
const EXECUTABLE =
  /<(script|iframe|object|embed|style|svg|math|form)|\son[a-z]+=|(href|src)="\s*(javascript|vbscript|data):/i;

describe('markdown rendering', () => {
  it('renders ordinary markdown: emphasis, lists, tables, code with its language', () => {
    const html = render('**bold** _it_\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<code class="language-ts">const x = 1;');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an image with onerror', '<img src=x onerror="alert(1)">'],
    ['a markdown image with a javascript: source', '![x](javascript:alert(1))'],
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['an obfuscated javascript: link', '[x](JaVaScRiPt:alert(1))'],
    ['an entity-encoded javascript: link', '[x](&#106;avascript:alert(1))'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style tag', '<style>body{display:none}</style>'],
    ['an inline event handler on a link', '<a href="https://x.example" onclick="alert(1)">x</a>'],
    ['an svg with onload', '<svg onload="alert(1)"></svg>'],
    ['an autolinked javascript: url', '<javascript:alert(1)>'],
  ])('leaves nothing executable from %s', (_label, markdown) => {
    expect(render(markdown)).not.toMatch(EXECUTABLE);
  });

  it('keeps the text of a javascript: link but drops its href', () => {
    expect(render('[click me](javascript:alert(1))')).toBe('<p><a>click me</a></p>');
  });

  it('marks outbound links nofollow ugc noopener and leaves links within the site alone', () => {
    expect(render('[docs](https://docs.example.org/x)')).toBe(
      '<p><a href="https://docs.example.org/x" rel="nofollow ugc noopener">docs</a></p>',
    );
    expect(render('[thread](https://community.example.com/t/1)')).toBe(
      '<p><a href="https://community.example.com/t/1">thread</a></p>',
    );
    expect(render('[thread](/t/1)')).toBe('<p><a href="/t/1">thread</a></p>');
    expect(render('https://bare.example.net')).toContain('rel="nofollow ugc noopener"');
  });

  it("prefixes ids once, so a post cannot clobber the page's ids and footnote links still land", () => {
    const html = render('Note[^1]\n\n[^1]: the note');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('id="user-content-fnref-1"');
    expect(html).not.toContain('user-content-user-content-');
  });

  it('drops raw HTML ids and names', () => {
    expect(render('<div id="login-form" name="x">hi</div>')).not.toMatch(/id=|name=/);
  });
});

describe('mentions', () => {
  it('links @handle to the profile, but not in code, links, addresses or paths', () => {
    const html = render('Hi @alice, and @bob_2! `@carol` [@dave](https://x.example) mail eve@example.com /p/@frank');
    expect(html).toContain('<a href="/u/alice" class="mention">@alice</a>');
    expect(html).toContain('<a href="/u/bob_2" class="mention">@bob_2</a>!');
    expect(mentionedHandles(html)).toEqual(['alice', 'bob_2']);
  });

  it('a writer cannot forge a mention class (the sanitizer drops it)', () => {
    const html = render('<a href="/u/x" class="mention">@x</a> [y](/u/yyy)');
    expect(mentionedHandles(html)).toEqual([]);
  });
});
