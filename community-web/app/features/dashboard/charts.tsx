/**
 * Charts rendered on the server as inline SVG (no script, no chart library): they scale to
 * their container (viewBox, width 100%), use the palette so the dark scheme remaps them, and
 * carry their figures as text (`<title>` and `aria-label`); each page also shows the same
 * figures in a table.
 */

const W = 600;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };

export interface Bar {
  label: string;
  value: number;
}

/** Vertical bars, one per label, with the value above each bar. */
export function BarChart({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const h = 200;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = W - PAD.left - PAD.right;
  const plotH = h - PAD.top - PAD.bottom;
  const step = plotW / Math.max(bars.length, 1);
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`;
  return (
    <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-label={summary} className="block h-auto w-full" data-testid={testId}>
      <title>{summary}</title>
      <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} className="stroke-slate-300" />
      {bars.map((b, i) => {
        const barH = (b.value / max) * plotH;
        const x = PAD.left + i * step + step * 0.2;
        const y = PAD.top + plotH - barH;
        return (
          <g key={b.label}>
            <rect x={x} y={y} width={step * 0.6} height={barH} rx={3} className="fill-brand-500" />
            <text
              x={x + step * 0.3}
              y={Math.max(y - 4, PAD.top + 10)}
              textAnchor="middle"
              fontSize={13}
              className="fill-slate-800"
              aria-hidden="true"
            >
              {b.value}
            </text>
            <text
              x={x + step * 0.3}
              y={h - 8}
              textAnchor="middle"
              fontSize={13}
              className="fill-slate-700"
              aria-hidden="true"
            >
              {b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  name: string;
  /** One value per x label; null leaves a gap. */
  values: (number | null)[];
  /** A Tailwind stroke class. */
  stroke: string;
  dashed?: boolean;
}

/**
 * Lines over shared x labels (weeks). `format` writes a value for the axis and the summary;
 * the y axis starts at `min` (0 unless given) and ends at the largest value.
 */
export function LineChart({
  title,
  labels,
  series,
  format,
  min = 0,
  testId,
}: {
  title: string;
  labels: string[];
  series: Series[];
  format: (n: number) => string;
  min?: number;
  testId?: string;
}) {
  const h = 220;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = Math.min(min, ...all);
  const hi = Math.max(lo + 1, ...all);
  const plotW = W - PAD.left - PAD.right;
  const plotH = h - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const summary = `${title}: ${series
    .map((s) => `${s.name} ${s.values.map((v, i) => `${labels[i]} ${v === null ? 'none' : format(v)}`).join(', ')}`)
    .join('; ')}`;
  const every = Math.max(1, Math.ceil(labels.length / 6));
  return (
    <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-label={summary} className="block h-auto w-full" data-testid={testId}>
      <title>{summary}</title>
      {[lo, (lo + hi) / 2, hi].map((v) => (
        <g key={v} aria-hidden="true">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="stroke-slate-200" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={12} className="fill-slate-700">
            {format(v)}
          </text>
        </g>
      ))}
      {labels.map((l, i) =>
        i % every === 0 ? (
          <text
            key={l}
            x={x(i)}
            y={h - 8}
            textAnchor="middle"
            fontSize={12}
            className="fill-slate-700"
            aria-hidden="true"
          >
            {l}
          </text>
        ) : null,
      )}
      {series.map((s) => {
        const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`));
        const path = points.reduce<string[]>((segments, p, i) => {
          if (p) segments.push(`${i === 0 || !points[i - 1] ? 'M' : 'L'}${p}`);
          return segments;
        }, []);
        return (
          <g key={s.name} className={s.stroke}>
            <path
              d={path.join(' ')}
              fill="none"
              strokeWidth={2.5}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              className={s.stroke}
            />
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={i} cx={x(i)} cy={y(v)} r={3.5} className={`${s.stroke} fill-white`} strokeWidth={2} />
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The legend of a line chart: each series' name beside a swatch of its line. */
export function Legend({ series }: { series: Pick<Series, 'name' | 'stroke' | 'dashed'>[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {series.map((s) => (
        <li key={s.name} className="flex items-center gap-1.5">
          <svg width="24" height="8" aria-hidden="true">
            <line
              x1="0"
              x2="24"
              y1="4"
              y2="4"
              strokeWidth={2.5}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              className={s.stroke}
            />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}
