import { Link } from 'react-router';
import type { ReviewItemViewFragment } from '../../graphql/generated/graphql';
import { accountAgeInWords } from './wording';

const day = (iso: string) => iso.slice(0, 10);

/** A past or current sanction in one line: kind, dates, whether staff lifted it, and why. */
function sanctionLine(s: NonNullable<NonNullable<ReviewItemViewFragment['history']>['sanctions']>[number]) {
  const kind = s.kind === 'SUSPEND' ? 'Suspended' : 'Silenced';
  const end = s.liftedAt ? `lifted ${day(s.liftedAt)}` : s.until ? `until ${day(s.until)}` : 'until staff lift it';
  return `${kind} ${day(s.startsAt)}, ${end}`;
}

/**
 * What a reviewer weighs about the member: account age, how review judged flags on their posts,
 * and (staff only: the API sends null to others) their sanctions.
 */
export function AuthorHistory({ item }: { item: ReviewItemViewFragment }) {
  const history = item.history;
  return (
    <div data-testid="author-history">
      <p className="mt-1 text-sm text-slate-700">
        {item.author && (
          <Link to={`/u/${item.author.handle}`} className="font-medium text-slate-900 hover:underline">
            @{item.author.handle}
          </Link>
        )}
        {history && (
          <>
            {' · '}
            account {accountAgeInWords(history.accountAge)} · flags received {history.previousFlags}, agreed{' '}
            {history.previousFlagsAgreed}, disagreed {history.previousFlagsDisagreed}
          </>
        )}
      </p>
      {history?.sanctions && (
        <ul className="mt-1 space-y-1 text-sm text-slate-700" data-testid="author-sanctions">
          {history.sanctions.length === 0 && <li>No sanctions.</li>}
          {history.sanctions.map((s) => (
            <li key={s.id}>
              <span className="font-medium text-slate-900">{sanctionLine(s)}</span>
              <span className="block break-words text-slate-600">“{s.reason}”</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
