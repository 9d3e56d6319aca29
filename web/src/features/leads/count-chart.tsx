import { useWidth } from '../../hooks.js';
import { formatCount } from '../../lib/format.js';

export interface CountEntry {
  id: string;
  label: string;
  count: number;
}

interface CountChartProps {
  /** What is counted ("Leads per tier"): the chart's name, before its numbers. */
  label: string;
  entries: readonly CountEntry[];
  /** A class for an entry's bar (its colour), beside `count-bar`. */
  barClass?: (entry: CountEntry) => string;
  testId?: string;
}

const ROW = 30;
const BAR = 18;
const VALUE_WIDTH = 52;

/**
 * Horizontal bars of counts, in the order given, drawn in real pixels (legible on phones). The
 * labels and numbers are text in the drawing; screen readers read them all from its name.
 */
export function CountChart({ label, entries, barClass, testId }: CountChartProps) {
  const { ref, width } = useWidth<HTMLDivElement>(480, entries.length > 0);
  if (entries.length === 0) return <p class="muted">Nothing to count yet.</p>;
  const labelWidth = Math.min(150, Math.round(width * 0.4));
  const barSpace = Math.max(0, width - labelWidth - VALUE_WIDTH);
  const largest = Math.max(...entries.map((entry) => entry.count), 1);
  const height = entries.length * ROW;
  const summary = `${label}: ${entries.map((entry) => `${entry.label} ${formatCount(entry.count)}`).join(', ')}`;
  return (
    <div ref={ref} class="count-chart" data-testid={testId}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {entries.map((entry, index) => {
          const middle = index * ROW + ROW / 2;
          const length = entry.count > 0 ? Math.max(2, (entry.count / largest) * barSpace) : 0;
          return (
            <g key={entry.id} data-testid="count-bar" data-id={entry.id} data-count={entry.count}>
              <text class="count-label" x={labelWidth - 8} y={middle} dy="0.32em" text-anchor="end">
                {entry.label}
              </text>
              <rect class="count-track" x={labelWidth} y={middle - BAR / 2} width={barSpace} height={BAR} rx={4} />
              <rect class={`count-bar${barClass ? ` ${barClass(entry)}` : ''}`} x={labelWidth} y={middle - BAR / 2} width={length} height={BAR} rx={4} />
              <text class="count-value" x={labelWidth + length + 6} y={middle} dy="0.32em">
                {formatCount(entry.count)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
