import { formatScore, PART_LABEL } from '../insights/wording';

interface Influence {
  score: number;
  membersWithInfluence: number;
  explanation: string;
  member?: { handle: string } | null;
  parts: { name: string; value: number; weight: number; explanation: string }[];
}

interface Sentiment {
  score: number;
  label: string;
  sampleSize: number;
  cues: { cue: string; count: number }[];
  trend: {
    direction: string;
    recentScore?: number | null;
    olderScore?: number | null;
    change?: number | null;
    postsPerHalf: number;
  };
}

const LABEL: Record<string, string> = { POSITIVE: 'Positive', NEUTRAL: 'Neutral', NEGATIVE: 'Negative' };
const TREND: Record<string, string> = { IMPROVING: 'Improving', STEADY: 'Steady', WORSENING: 'Worsening' };
const CUE: Record<string, string> = {
  FRUSTRATION: 'frustration',
  URGENCY: 'urgency',
  CONFUSION: 'confusion',
  CHURN_RISK: 'churn risk',
  GRATITUDE: 'gratitude',
};
/** Scores are thousandths of vader's compound (-1..1): shown as -1.00..1.00. */
const compound = (n: number) => (n / 1000).toFixed(2);

/**
 * A customer's influence (its most influential linked member's score, with the parts that make
 * it) and sentiment (over the linked members' recent posts: mean, label, cues, trend), each with
 * how it was computed.
 */
export function CustomerSignalsPanel({ influence, sentiment }: { influence: Influence; sentiment: Sentiment }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section
        aria-labelledby="influence-heading"
        className="rounded-lg border border-slate-200 bg-white p-4"
        data-testid="customer-influence"
      >
        <h2 id="influence-heading" className="text-lg font-semibold">
          Influence
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          <span className="text-2xl font-bold text-slate-900">{formatScore(influence.score)}</span>
          {influence.member && <> from @{influence.member.handle}</>}
        </p>
        <p className="mt-1 text-xs text-slate-600">{influence.explanation}</p>
        {influence.parts.length > 0 && (
          <ul className="mt-2 space-y-1 text-sm">
            {influence.parts.map((p) => (
              <li key={p.name} className="flex flex-wrap gap-x-2">
                <span className="font-medium text-slate-800">{PART_LABEL[p.name] ?? p.name}</span>
                <span className="text-slate-700">
                  {formatScore(p.value)} × {formatScore(p.weight)}
                </span>
                <span className="text-slate-600">({p.explanation})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        aria-labelledby="sentiment-heading"
        className="rounded-lg border border-slate-200 bg-white p-4"
        data-testid="customer-sentiment"
      >
        <h2 id="sentiment-heading" className="text-lg font-semibold">
          Sentiment
        </h2>
        {sentiment.sampleSize === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No posts by the linked members in the last 90 days.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-700">
              <span className="text-2xl font-bold text-slate-900">{LABEL[sentiment.label] ?? sentiment.label}</span>{' '}
              (mean {compound(sentiment.score)} over {sentiment.sampleSize}{' '}
              {sentiment.sampleSize === 1 ? 'post' : 'posts'})
            </p>
            <p className="mt-1 text-sm text-slate-700">
              Trend:{' '}
              <span className="font-medium">{TREND[sentiment.trend.direction] ?? sentiment.trend.direction}</span>
              {sentiment.trend.change != null && (
                <>
                  {' '}
                  (newest {sentiment.trend.postsPerHalf} {compound(sentiment.trend.recentScore ?? 0)} against oldest{' '}
                  {sentiment.trend.postsPerHalf} {compound(sentiment.trend.olderScore ?? 0)})
                </>
              )}
            </p>
            {sentiment.cues.length > 0 && (
              <p className="mt-1 text-sm text-slate-700">
                Cues: {sentiment.cues.map((c) => `${CUE[c.cue] ?? c.cue} in ${c.count}`).join(', ')}
              </p>
            )}
          </>
        )}
        <p className="mt-1 text-xs text-slate-600">
          The linked members’ 30 most recent posts of the last 90 days; labels as for a post (±0.05).
        </p>
      </section>
    </div>
  );
}
