import { useId, useState } from 'preact/hooks';
import { useWidth } from '../../hooks.js';
import {
  buildTrendChart,
  dateTickIndexes,
  describeTrend,
  formatCompact,
  linePath,
  nearestIndex,
  niceRange,
  shortDate,
  xOf,
  yOf,
  type TrendDay,
} from './analytics.js';
import { formatCount, formatDate } from '../../lib/format.js';
import { DataTable } from '../../components/data-table.js';

interface TrendChartProps {
  series: ReadonlyArray<{ date: string; followers: number; streams: number; engagement: number }>;
  spikes: ReadonlyArray<{ date: string; value: number; z_score: number }>;
  label: string;
}

const HEIGHT = { top: 12, followers: 150, gap: 30, streams: 96, axis: 22 };
const LEFT = 48;
const RIGHT = 12;

/**
 * Followers (a line) over daily streams (bars), with the engagement spike days marked across
 * both. Pointing at a day reads its numbers out; the sentence under it and the table behind
 * "Daily numbers" carry the same for screen readers and for copying.
 */
export function TrendChart({ series, spikes, label }: TrendChartProps) {
  const chart = buildTrendChart(series, spikes);
  const { ref, width } = useWidth<HTMLDivElement>(720, chart.days.length > 0);
  const [active, setActive] = useState<number | null>(null);
  const summaryId = useId();
  const count = chart.days.length;
  if (count === 0) return <p class="muted">No daily metrics in this window yet.</p>;

  const left = LEFT;
  const right = width - RIGHT;
  const followersBox = { left, right, top: HEIGHT.top, bottom: HEIGHT.top + HEIGHT.followers };
  const streamsTop = followersBox.bottom + HEIGHT.gap;
  const streamsBox = { left, right, top: streamsTop, bottom: streamsTop + HEIGHT.streams };
  const height = streamsBox.bottom + HEIGHT.axis;
  const followersRange = niceRange(chart.followers.min, chart.followers.max, 4);
  const streamsRange = niceRange(chart.streams.min, chart.streams.max, 2, true);
  const followersLine = linePath(
    chart.days.map((day) => day.followers),
    followersRange,
    followersBox,
  );
  const area = `${followersLine} L ${xOf(count - 1, count, left, right)} ${followersBox.bottom} L ${xOf(0, count, left, right)} ${followersBox.bottom} Z`;
  const barWidth = Math.max(1, Math.min(14, ((right - left) / count) * 0.7));
  const point = (index: number) => ({
    x: xOf(index, count, left, right),
    y: yOf(chart.days[index]!.followers, followersRange.min, followersRange.max, followersBox.top, followersBox.bottom),
  });
  const current = active === null ? null : chart.days[active]!;

  const onPointer = (event: PointerEvent) => {
    const svg = event.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    setActive(nearestIndex(event.clientX - box.left, count, left, right));
  };

  return (
    <figure class="trend-chart" data-testid="trend-chart">
      <figcaption class="trend-head">
        <span class="trend-title">{label}</span>
        <span class="legend" aria-hidden="true">
          <span class="legend-item trend-followers">
            <i />
            Followers
          </span>
          <span class="legend-item trend-streams">
            <i />
            Daily streams
          </span>
          <span class="legend-item trend-spike">
            <i />
            Engagement spike
          </span>
        </span>
      </figcaption>
      <p class="trend-readout small" aria-hidden="true">
        {current ? <Readout day={current} /> : <span class="muted">Point at the chart to read a day’s numbers.</span>}
      </p>
      <div ref={ref} class="trend-canvas">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={summaryId}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={() => setActive(null)}
        >
          <GridLines range={followersRange} box={followersBox} />
          <GridLines range={streamsRange} box={streamsBox} />
          <text class="trend-panel-label" x={left + 4} y={followersBox.top + 10}>
            Followers
          </text>
          <text class="trend-panel-label" x={left + 4} y={streamsBox.top - 6}>
            Streams a day
          </text>
          <path class="trend-area" d={area} />
          <path class="trend-line" d={followersLine} />
          <g class="trend-bars">
            {chart.days.map((day, index) => {
              const x = xOf(index, count, left, right);
              const y = yOf(day.streams, streamsRange.min, streamsRange.max, streamsBox.top, streamsBox.bottom);
              return (
                <rect
                  key={day.date}
                  class={day.spike ? 'spike-bar' : undefined}
                  x={x - barWidth / 2}
                  y={y}
                  width={barWidth}
                  height={Math.max(0, streamsBox.bottom - y)}
                />
              );
            })}
          </g>
          {chart.spikeIndexes.map((index) => {
            const day = chart.days[index]!;
            const { x, y } = point(index);
            const text = `Engagement spike on ${formatDate(day.date)}: ${formatCount(day.spike!.value)} engagements, z ${day.spike!.z_score.toFixed(1)}`;
            return (
              <g key={`spike-${day.date}`} class="spike-marker" data-testid="spike-marker" data-date={day.date}>
                <title>{text}</title>
                <line x1={x} x2={x} y1={followersBox.top} y2={streamsBox.bottom} />
                <circle cx={x} cy={y} r={5} />
                <path d={`M ${x - 5} ${followersBox.top - 8} L ${x + 5} ${followersBox.top - 8} L ${x} ${followersBox.top - 1} Z`} />
              </g>
            );
          })}
          {current && active !== null && (
            <g class="trend-cursor" aria-hidden="true">
              <line x1={point(active).x} x2={point(active).x} y1={followersBox.top} y2={streamsBox.bottom} />
              <circle cx={point(active).x} cy={point(active).y} r={4} />
            </g>
          )}
          {dateTickIndexes(count, width < 480 ? 3 : 5).map((index, i, all) => (
            <text
              key={`d${index}`}
              class="trend-date"
              x={xOf(index, count, left, right)}
              y={height - 6}
              text-anchor={i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle'}
            >
              {shortDate(chart.days[index]!.date)}
            </text>
          ))}
          <rect class="trend-hit" x={left} y={0} width={Math.max(0, right - left)} height={height} />
        </svg>
      </div>
      <p class="muted small trend-summary" id={summaryId} data-testid="trend-summary">
        {describeTrend(chart)}
      </p>
      <details class="trend-table">
        <summary>Daily numbers</summary>
        <DataTable
          testId="trend-table"
          caption={`${label}, day by day`}
          rows={chart.days}
          columns={['Day', { label: 'Followers', numeric: true }, { label: 'Streams', numeric: true }, { label: 'Engagement', numeric: true }, 'Spike']}
        >
          {(day) => (
            <tr key={day.date} data-spike={day.spike ? 'true' : undefined}>
              <th scope="row" class="nowrap">
                {formatDate(day.date)}
              </th>
              <td class="numeric">{formatCount(day.followers)}</td>
              <td class="numeric">{formatCount(day.streams)}</td>
              <td class="numeric">{formatCount(day.engagement)}</td>
              <td>{day.spike ? `z ${day.spike.z_score.toFixed(1)}` : ''}</td>
            </tr>
          )}
        </DataTable>
      </details>
    </figure>
  );
}

/** A panel's horizontal grid lines, each labelled with its value on the left. */
function GridLines({
  range,
  box,
}: {
  range: { min: number; max: number; ticks: number[] };
  box: { left: number; right: number; top: number; bottom: number };
}) {
  return (
    <>
      {range.ticks.map((tick) => {
        const y = yOf(tick, range.min, range.max, box.top, box.bottom);
        return (
          <g key={tick} class="trend-grid">
            <line x1={box.left} x2={box.right} y1={y} y2={y} />
            <text x={box.left - 6} y={y} dy="0.32em" text-anchor="end">
              {formatCompact(tick)}
            </text>
          </g>
        );
      })}
    </>
  );
}

function Readout({ day }: { day: TrendDay }) {
  return (
    <>
      <strong>{formatDate(day.date)}</strong> · {formatCount(day.followers)} followers · {formatCount(day.streams)} streams · {formatCount(day.engagement)}{' '}
      engagements
      {day.spike && <span class="trend-spike-note"> · spike, z {day.spike.z_score.toFixed(1)}</span>}
    </>
  );
}
