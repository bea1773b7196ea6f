/** The member's level and a bar showing the way to the next one. */
export function LevelProgress({
  reputation,
  level,
}: {
  reputation: number;
  level: { name: string; min: number; next: number | null; progress: number };
}) {
  const percent = Math.round(level.progress * 100);
  const remaining = level.next === null ? 0 : Math.max(0, level.next - reputation);
  const describe =
    level.next === null
      ? `${level.name}: the top level`
      : `${level.name}: ${reputation} of ${level.next} reputation, ${remaining} to the next level`;
  return (
    <div data-testid="level" data-level={level.name} className="w-full max-w-xs">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-semibold text-slate-800">{level.name}</span>
        <span className="text-xs text-slate-500">
          {level.next === null ? 'Top level' : `${remaining} to go (next at ${level.next})`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Progress to the next level"
        aria-valuemin={level.min}
        aria-valuemax={level.next ?? Math.max(reputation, level.min)}
        aria-valuenow={level.next === null ? Math.max(reputation, level.min) : Math.min(reputation, level.next)}
        aria-valuetext={describe}
        className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
