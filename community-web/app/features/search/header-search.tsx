import { useEffect, useRef } from 'react';
import { Form, Link, useLocation } from 'react-router';
import { MAX_QUERY_LENGTH } from './query';

function SearchIcon() {
  return (
    <svg aria-hidden width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75">
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5 14 14" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's search box: a GET form to /search (works without JavaScript), labelled for
 * screen readers, showing the current query on the search page. With `shortcut`, pressing "/"
 * anywhere outside a text field focuses it (as on Discourse and GitHub).
 */
export function HeaderSearch({
  id,
  className = '',
  shortcut = false,
}: {
  id: string;
  className?: string;
  shortcut?: boolean;
}) {
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const current = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  useEffect(() => {
    if (!shortcut) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (!input.current || input.current.offsetParent === null) return;
      event.preventDefault();
      input.current.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shortcut]);
  return (
    <Form method="get" action="/search" role="search" className={className}>
      <label htmlFor={id} className="sr-only">
        Search the community
      </label>
      <div className="relative">
        <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center text-slate-500">
          <SearchIcon />
        </span>
        <input
          ref={input}
          key={current}
          id={id}
          name="q"
          type="search"
          defaultValue={current}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Search…"
          aria-keyshortcuts={shortcut ? '/' : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white py-2 pl-8 pr-2 text-sm text-slate-900 placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
        />
      </div>
    </Form>
  );
}

/** A search icon linking to the search page, for a header bar with no room for the box. */
export function SearchLink() {
  return (
    <Link
      to="/search"
      className="hidden shrink-0 rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 lg:block"
      data-testid="header-search-link"
    >
      <SearchIcon />
      <span className="sr-only">Search</span>
    </Link>
  );
}
