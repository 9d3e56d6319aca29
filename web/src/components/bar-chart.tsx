interface BarChartProps {
  entries: Array<{ label: string; value: number }>;
  label: string;
  /** Keep the given order instead of largest first. */
  keepOrder?: boolean;
  /** A value as its bar's text (a share as a percentage unless told). */
  format?: (value: number) => string;
  testId?: string;
}

const asPercent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Horizontal bars for labelled shares (0–1), largest first: a list, so it reads well without the bars too. */
export function BarChart({ entries, label, keepOrder = false, format = asPercent, testId }: BarChartProps) {
  const sorted = keepOrder ? entries : [...entries].sort((a, b) => b.value - a.value);
  const largest = Math.max(...sorted.map((entry) => entry.value), Number.EPSILON);
  return (
    <ol class="bar-chart" aria-label={label} data-testid={testId}>
      {sorted.map((entry) => (
        <li key={entry.label}>
          <span class="bar-label">{entry.label}</span>
          <span class="bar-track" aria-hidden="true">
            <span style={{ width: `${(entry.value / largest) * 100}%` }} />
          </span>
          <span class="bar-value">{format(entry.value)}</span>
        </li>
      ))}
    </ol>
  );
}
