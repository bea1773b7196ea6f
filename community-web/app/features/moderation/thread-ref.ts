/** A thread id from what staff paste: "42", "/t/42", or a full URL to a thread. */
export function threadIdFrom(value: string): string {
  const text = value.trim();
  const match = /^(?:\d+|.*\/t\/(\d+)(?:[/?#].*)?)$/.exec(text);
  if (!match) return text;
  return match[1] ?? text;
}
