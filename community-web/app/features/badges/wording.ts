/** Second-person words and how to say them about someone else. */
const THIRD_PERSON: Record<string, string> = {
  your: 'their',
  yours: 'theirs',
  "you're": "they're",
  "you've": "they've",
  you: 'they',
};

/** Quoted text (thread titles in “…” or "…") is the author's own words: never rewritten. */
const QUOTED = /(“[^”]*”|"[^"]*")/;

/**
 * Text the API words for the member it is about ("Staff picked your answer on “…”", "a post you
 * flagged"), as the viewer should read it: unchanged on the member's own profile, in the third
 * person ("their", "they") for everyone else. Only words outside quotes change.
 */
export function forViewer(text: string, ownProfile: boolean): string {
  if (ownProfile) return text;
  return text
    .split(QUOTED)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/\b(you're|you've|yours|your|you)\b/gi, (word) => {
            const replacement = THIRD_PERSON[word.toLowerCase()]!;
            return word[0] === 'Y' ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
          }),
    )
    .join('');
}
