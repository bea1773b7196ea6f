/**
 * Why a member was asked about a question, in parts (stored with the route) and as the sentence
 * the member and staff read.
 */
export interface RouteReason {
  /** The shared tag the member answered most often in the window (null: none shared). */
  tag: string | null;
  /** Accepted answers on threads carrying `tag`. */
  tagAnswers: number;
  /** The question's category, by name. */
  category: string;
  /** Accepted answers in that category. */
  categoryAnswers: number;
  windowDays: number;
  advocate: boolean;
}

const questions = (n: number) => (n === 1 ? '1 question' : `${n} questions`);

/**
 * "You answered 4 questions tagged postgres in the last 90 days" (the tag first: it is the
 * more specific), or "… in Databases …" when only the category matched; advocates are told so.
 */
export function routeReasonText(r: RouteReason): string {
  const where =
    r.tag && r.tagAnswers > 0
      ? `${questions(r.tagAnswers)} tagged ${r.tag}`
      : `${questions(r.categoryAnswers)} in ${r.category}`;
  const sentence = `You answered ${where} in the last ${r.windowDays} days`;
  return r.advocate ? `${sentence}, and you are one of our advocates` : sentence;
}
