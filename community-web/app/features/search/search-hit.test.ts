import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SearchHitItem, Snippet } from './search-hit';

describe('search snippets', () => {
  it('render the API’s escaped text: a <script> in a post is text, only <mark> is markup', () => {
    // As the API sends it: the text escaped, the matches in <mark>.
    const html = renderToStaticMarkup(
      createElement(Snippet, { html: 'Try &lt;script&gt;alert(1)&lt;/script&gt; and <mark>sync</mark> again' }),
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('<mark>sync</mark>');
  });

  it('a hit’s title is text too, whatever it holds', () => {
    const hit = {
      kind: 'THREAD' as const,
      title: '<img src=x onerror=alert(1)> sync',
      snippetHtml: '<mark>sync</mark> fails',
      url: '/t/1',
      createdAt: new Date().toISOString(),
      thread: { id: '1', status: 'ANSWERED' as const },
    };
    const router = createMemoryRouter([
      { path: '*', element: createElement('ul', null, createElement(SearchHitItem, { hit })) },
    ]);
    const html = renderToStaticMarkup(createElement(RouterProvider, { router }));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; sync');
    expect(html).not.toContain('<img');
    expect(html).toContain('Solved');
    expect(html).toContain('Question');
  });
});
