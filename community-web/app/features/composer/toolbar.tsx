import { useRef, useState } from 'react';
import { codeBlock, link, prefixLines, wrap, type Edit } from './markdown-edits';

export type ToolId = 'bold' | 'italic' | 'link' | 'code' | 'codeBlock' | 'quote' | 'bullet' | 'number' | 'mention';

interface Tool {
  id: ToolId;
  label: string;
  /** Shown on the button; `aria-label` carries the name. */
  glyph: React.ReactNode;
  shortcut?: string;
  apply: (edit: Edit) => Edit;
}

const glyph = (text: string, className = '') => (
  <span aria-hidden="true" className={className}>
    {text}
  </span>
);

/** An icon, not the text "1.": a visible text must be part of the button's name (WCAG 2.5.3). */
function NumberedListIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="currentColor">
      <path d="M2 2h1.5v4H2.6V3H2zM6 3h8v1.5H6zM6 7.5h8V9H6zM6 12h8v1.5H6zM1.8 9.2c.2-.6.7-.9 1.3-.9.7 0 1.2.4 1.2 1 0 .5-.3.8-.8 1.2l-.5.4h1.4v.9H1.8v-.8l1.3-1.1c.3-.3.4-.4.4-.6s-.1-.3-.4-.3-.4.2-.5.4z" />
    </svg>
  );
}

export const TOOLS: readonly Tool[] = [
  {
    id: 'bold',
    label: 'Bold',
    glyph: glyph('B', 'font-bold'),
    shortcut: 'B',
    apply: (e) => wrap(e, '**', '**', 'bold text'),
  },
  {
    id: 'italic',
    label: 'Italic',
    glyph: glyph('I', 'italic font-serif'),
    shortcut: 'I',
    apply: (e) => wrap(e, '_', '_', 'italic text'),
  },
  { id: 'link', label: 'Link', glyph: glyph('🔗'), shortcut: 'K', apply: link },
  {
    id: 'code',
    label: 'Inline code',
    glyph: glyph('</>', 'font-mono text-xs'),
    apply: (e) => wrap(e, '`', '`', 'code'),
  },
  { id: 'codeBlock', label: 'Code block', glyph: glyph('{ }', 'font-mono text-xs'), apply: codeBlock },
  { id: 'quote', label: 'Quote', glyph: glyph('❝'), apply: (e) => prefixLines(e, 'quote') },
  { id: 'bullet', label: 'Bulleted list', glyph: glyph('•≡'), apply: (e) => prefixLines(e, 'bullet') },
  {
    id: 'number',
    label: 'Numbered list',
    glyph: <NumberedListIcon />,
    apply: (e) => prefixLines(e, 'number'),
  },
  {
    id: 'mention',
    label: 'Mention a member',
    glyph: glyph('@'),
    apply: ({ text, start, end }) => {
      const space = start > 0 && !/\s/.test(text[start - 1]!) ? ' ' : '';
      const cursor = start + space.length + 1;
      return { text: `${text.slice(0, start)}${space}@${text.slice(end)}`, start: cursor, end: cursor };
    },
  },
];

/** Ctrl/Cmd + B, I, K: the tool for a keydown in the textarea, if it is one of ours. */
export function toolForShortcut(event: React.KeyboardEvent): Tool | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return undefined;
  return TOOLS.find((t) => t.shortcut?.toLowerCase() === event.key.toLowerCase());
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (the ARIA toolbar
 * pattern). Buttons never take focus from the textarea on click, so the selection they act on
 * is the one the member made.
 */
export function Toolbar({ label, onTool }: { label: string; onTool: (tool: Tool) => void }) {
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (to: number) => {
    const next = (to + TOOLS.length) % TOOLS.length;
    setActive(next);
    buttons.current[next]?.focus();
  };
  return (
    <div
      role="toolbar"
      aria-label={label}
      className="flex flex-wrap items-center gap-0.5"
      data-testid="composer-toolbar"
      onKeyDown={(event) => {
        const keys: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: -1 };
        if (!(event.key in keys)) return;
        event.preventDefault();
        move(keys[event.key]!);
      }}
    >
      {TOOLS.map((tool, i) => {
        const shortcut = tool.shortcut ? ` (${isMac() ? '⌘' : 'Ctrl+'}${tool.shortcut})` : '';
        return (
          <button
            key={tool.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            tabIndex={i === active ? 0 : -1}
            aria-label={tool.label}
            title={tool.label + shortcut}
            aria-keyshortcuts={tool.shortcut ? `Control+${tool.shortcut} Meta+${tool.shortcut}` : undefined}
            data-tool={tool.id}
            className="inline-flex h-8 min-w-8 items-center justify-center rounded px-1.5 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setActive(i);
              onTool(tool);
            }}
          >
            {tool.glyph}
          </button>
        );
      })}
    </div>
  );
}
