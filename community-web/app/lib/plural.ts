/** English plural rules and number formatting, the same on the server and in the browser. */
const rules = new Intl.PluralRules('en-US');
const numbers = new Intl.NumberFormat('en-US');

/** The word for `count` things: pluralize(1, 'reply', 'replies') is 'reply', 0 or 2 give 'replies'. */
export function pluralize(count: number, one: string, other = `${one}s`): string {
  return rules.select(count) === 'one' ? one : other;
}

/** A number as counts are shown: "1,204". */
export const formatNumber = (count: number): string => numbers.format(count);

/** A count with its word: "1 reply", "0 replies", "1,204 views". */
export function formatCount(count: number, one: string, other?: string): string {
  return `${numbers.format(count)} ${pluralize(count, one, other)}`;
}
