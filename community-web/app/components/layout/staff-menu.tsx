import { useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useHydrated } from '../../lib/use-hydrated';

export type StaffLink = { to: string; label: string };

const PANEL_ID = 'staff-menu';

const triggerClass = (active: boolean) =>
  `inline-flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md px-1.5 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden ${active ? 'bg-slate-100 text-slate-900' : 'text-slate-600 hover:text-slate-900'}`;
const panelClass =
  'absolute right-0 top-full z-30 mt-1 w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg lg:left-0 lg:right-auto';
const itemClass = ({ isActive }: { isActive: boolean }) =>
  `block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-slate-100 text-slate-900' : 'text-slate-700 hover:bg-slate-50 hover:text-slate-900'}`;

function Chevron() {
  return (
    <svg aria-hidden width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor" strokeWidth="1.75">
      <path d="M3 4.5 6 7.5l3-3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function Items({ links }: { links: StaffLink[] }) {
  return (
    <ul className="space-y-0.5">
      {links.map((l) => (
        <li key={l.to}>
          <NavLink to={l.to} className={itemClass}>
            {l.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * The staff sections (review queue, escalations, removed posts, insights, admin…) in the
 * desktop header bar, behind one "Staff" disclosure so the bar fits from 1024 px up whatever
 * the viewer's role. With JavaScript: a button with aria-expanded/aria-controls that Escape
 * closes (focus back on the button), and that a click outside it or a navigation closes.
 * Before hydration and without JavaScript: a native <details> disclosure. The button looks
 * current while the page is one of its sections. Phones keep these links in the mobile menu.
 */
export function StaffMenu({ links }: { links: StaffLink[] }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.key]);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const active = links.some((l) => location.pathname === l.to || location.pathname.startsWith(`${l.to}/`));
  if (!hydrated) {
    return (
      <details className="relative" data-testid="staff-menu">
        <summary className={triggerClass(active)}>
          Staff
          <Chevron />
        </summary>
        <div id={PANEL_ID} className={panelClass}>
          <Items links={links} />
        </div>
      </details>
    );
  }
  return (
    <div
      ref={root}
      className="relative"
      data-testid="staff-menu"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className={triggerClass(active)}
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => setOpen((o) => !o)}
      >
        Staff
        <Chevron />
      </button>
      <div id={PANEL_ID} hidden={!open} className={panelClass}>
        <Items links={links} />
      </div>
    </div>
  );
}
