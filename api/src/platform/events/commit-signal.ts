/**
 * "Something committed in this process": transact() raises it after each commit, so event
 * delivery loops wake at once instead of waiting for their next poll. Other instances' commits
 * are found by polling.
 */
const listeners = new Set<() => void>();

export function onCommit(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signalCommit(): void {
  for (const listener of listeners) listener();
}
