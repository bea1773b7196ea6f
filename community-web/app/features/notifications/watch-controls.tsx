import { Form, useLocation } from 'react-router';

type Level = 'FOLLOWING' | 'MUTED' | null | undefined;

const button =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

/**
 * Follow, mute or stop watching a thread or a category: plain POST forms to /notifications/watch
 * (they work without JavaScript) that come back to this page. `because` says why a thread is
 * followed by default (the viewer asked or replied).
 */
export function WatchControls({
  target,
  id,
  level,
  because,
}: {
  target: 'thread' | 'category';
  id: string;
  level: Level;
  because?: 'asked' | 'replied' | null;
}) {
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const status =
    level === 'FOLLOWING'
      ? because
        ? `You follow this ${target} because you ${because}.`
        : `You follow this ${target}.`
      : level === 'MUTED'
        ? `You muted this ${target}: you are told of nothing in it.`
        : target === 'thread'
          ? 'You are not following this thread.'
          : 'You are not following this category.';
  const choices: { level: 'FOLLOWING' | 'MUTED' | 'NONE'; label: string }[] = [
    ...(level !== 'FOLLOWING' ? [{ level: 'FOLLOWING' as const, label: 'Follow' }] : []),
    ...(level !== 'MUTED' ? [{ level: 'MUTED' as const, label: 'Mute' }] : []),
    ...(level ? [{ level: 'NONE' as const, label: level === 'MUTED' ? 'Unmute' : 'Unfollow' }] : []),
  ];
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid={`${target}-watch`}>
      <span data-testid="watch-status">{status}</span>
      {choices.map((c) => (
        <Form key={c.level} method="post" action="/notifications/watch">
          <input type="hidden" name="target" value={target} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="level" value={c.level} />
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" className={button} data-testid={`watch-${c.level.toLowerCase()}`}>
            {c.label}
          </button>
        </Form>
      ))}
    </div>
  );
}
