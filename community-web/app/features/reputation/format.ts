/** Ledger event kinds in plain words (ReputationEvent.kind). */
const KINDS: Record<string, string> = {
  QUESTION_UPVOTED: 'Question upvoted',
  ANSWER_UPVOTED: 'Answer upvoted',
  DOWNVOTE_RECEIVED: 'Post downvoted',
  DOWNVOTE_CAST: 'Downvoted an answer',
  ANSWER_ACCEPTED: 'Answer accepted as the solution',
  ACCEPTED_AN_ANSWER: 'Accepted an answer',
  STAFF_PICK: 'Answer picked by staff',
  ARTICLE_PROMOTED: 'Answer became a knowledge article',
  POST_REMOVED: 'Post removed by a moderator',
  ADJUSTMENT: 'Adjusted by staff',
  REVERSAL: 'Reversed',
};

export const kindLabel = (kind: string) =>
  KINDS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' ');

/** Points with their sign: "+10", "−2" (a true minus sign), "0". */
export const signedPoints = (points: number) =>
  points > 0 ? `+${points}` : points < 0 ? `\u2212${Math.abs(points)}` : '0';

/** True when the daily vote cap took some of what the event would have been worth. */
export const wasCapped = (event: { points: number; uncappedPoints: number | null }) =>
  event.uncappedPoints != null && event.uncappedPoints > event.points;
