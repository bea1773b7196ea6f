interface Privilege {
  key: string;
  label: string;
  reputation: number;
}

/** What the member's reputation unlocks now, and what the next steps need. */
export function PrivilegesList({
  reputation,
  held,
  next,
}: {
  reputation: number;
  held: Privilege[];
  next: Privilege[];
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <h3 className="text-sm font-semibold text-slate-700">Held</h3>
        {held.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500" data-testid="privileges-held">
            None yet: the first comes at {next[0]?.reputation ?? 0} reputation.
          </p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm" data-testid="privileges-held">
            {held.map((p) => (
              <li key={p.key} data-privilege={p.key} className="flex items-center gap-2">
                <span aria-hidden className="text-emerald-600">
                  ✓
                </span>
                {p.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-700">Next</h3>
        {next.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500" data-testid="privileges-next">
            Every privilege is unlocked.
          </p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm" data-testid="privileges-next">
            {next.map((p) => (
              <li key={p.key} data-privilege={p.key} className="flex flex-wrap items-baseline gap-x-2">
                <span className="text-slate-700">{p.label}</span>
                <span className="text-xs text-slate-500">
                  needs {p.reputation} reputation · {Math.max(0, p.reputation - reputation)} to go
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
