import vader from 'vader-sentiment';
import { detectCues, type Cue } from './cues.js';
import { ownWords } from './strip.js';

/** Bumped whenever the rules or the lexicon change: a backfill recomputes older rows. */
export const SENTIMENT_VERSION = 1;

export type SentimentLabel = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

export interface Sentiment {
  /** vader's compound score in thousandths, -1000..1000. */
  score: number;
  label: SentimentLabel;
  cues: Cue[];
}

/** vader's usual thresholds: compound ≥ 0.05 is positive, ≤ -0.05 negative, neutral between. */
export function labelFor(score: number): SentimentLabel {
  if (score >= 50) return 'POSITIVE';
  if (score <= -50) return 'NEGATIVE';
  return 'NEUTRAL';
}

/** Longer posts are scored on their first part: vader is linear per sentence, and cost stays bounded. */
const MAX_CHARS = 8000;

/**
 * The sentiment of a post: the author's own words (code and quotes stripped) scored by vader,
 * and the cues found by the project's rules. `title` is a question's thread title.
 */
export function analyzeSentiment(body: string, title?: string | null): Sentiment {
  const text = `${title ? `${title}.\n` : ''}${ownWords(body)}`.slice(0, MAX_CHARS).trim();
  if (!text) return { score: 0, label: 'NEUTRAL', cues: [] };
  const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  const score = Math.max(-1000, Math.min(1000, Math.round(compound * 1000)));
  return { score, label: labelFor(score), cues: detectCues(text) };
}
