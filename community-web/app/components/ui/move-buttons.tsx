/**
 * "Move up" and "Move down" submit buttons for an ordered admin list (categories, routing rules):
 * they post `intent=up|down` in the row's form, and the ends of the list cannot move further.
 */
export function MoveButtons({
  name,
  first,
  last,
  className,
}: {
  /** What moves, for the buttons' accessible names. */
  name: string;
  first: boolean;
  last: boolean;
  className: string;
}) {
  return (
    <>
      <button
        type="submit"
        name="intent"
        value="up"
        disabled={first}
        className={className}
        aria-label={`Move ${name} up`}
      >
        ↑
      </button>
      <button
        type="submit"
        name="intent"
        value="down"
        disabled={last}
        className={className}
        aria-label={`Move ${name} down`}
      >
        ↓
      </button>
    </>
  );
}
