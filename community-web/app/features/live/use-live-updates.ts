import { useEffect, useRef, useState } from 'react';
import { useMatches, useRevalidator } from 'react-router';

/** Bursts (a moderator hiding several posts) reload the page's data once. */
const COALESCE_MS = 400;

const MESSAGES: Record<string, string> = {
  POST_CREATED: 'A new reply was posted.',
  POST_EDITED: 'A post was edited.',
  POST_HIDDEN: 'A post was hidden pending review.',
  POST_REMOVED: 'A post was removed.',
  ANSWER_ACCEPTED: 'An answer was accepted.',
  STATUS_CHANGED: 'The thread’s status changed.',
  ESCALATION_CHANGED: 'The support team’s status for this question changed.',
};

/** A string field of an event's JSON data; null when there is no event (or it is not ours). */
function field(data: string | null, key: string): string | null {
  if (!data) return null;
  try {
    const value = (JSON.parse(data) as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the page live: one EventSource per page on `/live` (with the thread it shows; for a
 * signed-in member, also their new notifications, which the header counts), and on each event
 * the page's data is reloaded from the loaders (the source of truth, so what shows
 * is exactly what a reload would show). While the tab is hidden the reload waits until it is
 * visible again. Returns a sentence for a polite live region. Without JavaScript none of this
 * runs and a reload shows the same.
 *
 * Every event is handled, even one whose data equals the last one's (two ESCALATION_CHANGED in a
 * row, two edits of one post): a hook that keeps "the latest data" as React state would drop
 * the second, so the listeners act on each message themselves.
 */
export function useLiveUpdates(signedIn: boolean): string {
  const threadId = useMatches().find((m) => m.id === 'routes/thread')?.params.id;
  const url = threadId ? `/live?thread=${encodeURIComponent(threadId)}` : '/live';
  const enabled = !!threadId || signedIn;
  const revalidator = useRevalidator();
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  const schedule = useRef(() => {});
  schedule.current = () => {
    const reload = () => {
      if (document.hidden) {
        document.addEventListener('visibilitychange', reload, { once: true });
        return;
      }
      void revalidate.current();
    };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(reload, COALESCE_MS);
  };

  useEffect(() => {
    if (!enabled) return undefined;
    // One connection for both kinds; the browser reconnects with Last-Event-ID by itself.
    const source = new EventSource(url);
    const onThread = (event: MessageEvent<string>) => {
      const kind = field(event.data, 'kind');
      if (kind === null) return;
      setAnnouncement(MESSAGES[kind] ?? '');
      schedule.current();
    };
    const onNotification = (event: MessageEvent<string>) => {
      const message = field(event.data, 'message');
      if (message === null) return;
      setAnnouncement(`New notification: ${message}`);
      schedule.current();
    };
    source.addEventListener('thread', onThread);
    if (signedIn) source.addEventListener('notification', onNotification);
    return () => source.close();
  }, [url, enabled, signedIn]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return announcement;
}
