import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useHydrated } from '../../lib/use-hydrated';

const PANEL_ID = 'site-menu';

const triggerClass =
  'inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden';
const panelClass = 'absolute inset-x-0 top-full z-20 border-b border-slate-200 bg-white px-4 py-3 shadow-md';

function MenuIcon() {
  return (
    <svg aria-hidden width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75">
      <path d="M2 4h12M2 8h12M2 12h12" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's links on narrow screens, behind a "Menu" disclosure below the header bar. With
 * JavaScript: a button with aria-expanded/aria-controls that Escape closes (focus back on the
 * button) and that closes on navigation. Before hydration and without JavaScript: a native
 * <details> disclosure, which the keyboard and screen readers already understand.
 */
export function MobileMenu({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.key]);

  if (!hydrated) {
    return (
      <details className="lg:hidden">
        <summary className={triggerClass}>
          <MenuIcon />
          Menu
        </summary>
        <div id={PANEL_ID} className={panelClass}>
          {children}
        </div>
      </details>
    );
  }
  return (
    <div
      className="lg:hidden"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className={triggerClass}
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => setOpen((o) => !o)}
      >
        <MenuIcon />
        Menu
      </button>
      <div id={PANEL_ID} hidden={!open} className={panelClass}>
        {children}
      </div>
    </div>
  );
}
