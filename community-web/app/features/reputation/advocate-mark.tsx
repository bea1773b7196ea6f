/** Shown beside advocates' names: members staff trust to help others. */
export function AdvocateMark() {
  return (
    <span
      data-testid="advocate-mark"
      title="Community advocate: recognised by staff for helping others"
      className="ml-1 inline-flex items-center gap-0.5 rounded bg-teal-50 px-1 py-0.5 text-[10px] font-semibold uppercase text-teal-700 ring-1 ring-inset ring-teal-200"
    >
      <span aria-hidden>★</span>
      Advocate
    </span>
  );
}
