/**
 * The SSE event id: the last thread event and the last notification this browser has seen, as
 * `t<eventId>.n<notificationId>` (either may be missing). The browser sends it back as
 * Last-Event-ID when it reconnects, and the stream catches up from there.
 */
export interface LiveCursor {
  thread: string | null;
  notification: string | null;
}

export function parseLiveId(value: string | null): LiveCursor {
  const match = /^t(\d{1,19})?\.n(\d{1,19})?$/.exec(value ?? '');
  return { thread: match?.[1] ?? null, notification: match?.[2] ?? null };
}

export const formatLiveId = (cursor: LiveCursor): string => `t${cursor.thread ?? ''}.n${cursor.notification ?? ''}`;
