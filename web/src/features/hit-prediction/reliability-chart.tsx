import { useId } from 'preact/hooks';
import { useWidth } from '../../hooks.js';
import {
  binRange,
  describeCalibration,
  plotPoint,
  pointRadius,
  reliabilityPath,
  reliabilityPoints,
  type Calibration,
  type PlotBox,
  type ReliabilityBin,
} from './explanation.js';
import { formatCount } from '../../lib/format.js';
import { ChartLegend } from '../../components/chart-legend.js';
import { DataTable } from '../../components/data-table.js';
import './explanation.css';

const MARGIN = { left: 50, right: 12, top: 12, bottom: 40 };
const LARGEST = 420;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
const SERIES = [
  { key: 'raw', label: 'Raw forest score', bins: (calibration: Calibration) => calibration.reliability_before },
  { key: 'calibrated', label: 'Calibrated chance', bins: (calibration: Calibration) => calibration.reliability },
] as const;

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/**
 * The reliability curve: for the songs given about the same chance, the share that really were
 * hits, before and after calibration. On the diagonal, a predicted 70 % means 70 of 100 such songs
 * were hits. The sentences under it and the table behind "Bins" carry the same for screen readers.
 */
export function ReliabilityChart({ calibration }: { calibration: Calibration }) {
  const { ref, width } = useWidth<HTMLDivElement>(LARGEST, true);
  const summaryId = useId();
  const side = Math.min(width, LARGEST);
  const box: PlotBox = { left: MARGIN.left, right: side - MARGIN.right, top: MARGIN.top, bottom: side - MARGIN.bottom };
  const series = SERIES.map((entry) => ({ ...entry, points: reliabilityPoints(entry.bins(calibration)) }));
  const fullest = Math.max(0, ...series.flatMap((entry) => entry.points.map((point) => point.count)));
  const corner = (predicted: number, observed: number) => plotPoint(predicted, observed, box);
  return (
    <figure class="reliability" data-testid="reliability">
      <figcaption class="chart-caption">
        <span>Predicted chance against real hit rate</span>
        <ChartLegend series={[{ key: 'diagonal', label: 'Perfectly calibrated' }, ...SERIES]} />
      </figcaption>
      <div class="reliability-body">
        <div ref={ref} class="reliability-canvas">
          <svg width={side} height={side} viewBox={`0 0 ${side} ${side}`} role="img" aria-labelledby={summaryId}>
            {TICKS.map((tick) => {
              const { x, y } = corner(tick, tick);
              const label = `${tick * 100}%`;
              return (
                <g key={tick} class="reliability-grid">
                  <line x1={box.left} x2={box.right} y1={y} y2={y} />
                  <line x1={x} x2={x} y1={box.top} y2={box.bottom} />
                  <text x={box.left - 6} y={y} dy="0.32em" text-anchor="end">
                    {label}
                  </text>
                  <text x={x} y={box.bottom + 14} text-anchor={tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle'}>
                    {label}
                  </text>
                </g>
              );
            })}
            <text class="reliability-axis" x={(box.left + box.right) / 2} y={side - 6} text-anchor="middle">
              Predicted chance of a hit
            </text>
            <text class="reliability-axis" x={0} y={0} text-anchor="middle" transform={`translate(10 ${(box.top + box.bottom) / 2}) rotate(-90)`}>
              Share that were hits
            </text>
            <line class="reliability-diagonal" x1={corner(0, 0).x} y1={corner(0, 0).y} x2={corner(1, 1).x} y2={corner(1, 1).y} />
            {series.map((entry) => (
              <g key={entry.key} class={`reliability-series series-${entry.key}`} data-testid={`reliability-${entry.key}`}>
                <path d={reliabilityPath(entry.points, box)} />
                {entry.points.map((point) => {
                  const { x, y } = corner(point.predicted, point.observed);
                  return (
                    <circle key={point.from} cx={x} cy={y} r={pointRadius(point.count, fullest)}>
                      <title>
                        {`${entry.label}, ${binRange(point)}: predicted ${percent(point.predicted)}, ${percent(point.observed)} of ${formatCount(point.count)} songs were hits`}
                      </title>
                    </circle>
                  );
                })}
              </g>
            ))}
          </svg>
        </div>
        <div id={summaryId} class="reliability-summary" data-testid="calibration-summary">
          {describeCalibration(calibration).map((sentence) => (
            <p key={sentence} class="small">
              {sentence}
            </p>
          ))}
        </div>
      </div>
      <details class="reliability-table">
        <summary>Bins</summary>
        <BinTable calibration={calibration} />
      </details>
    </figure>
  );
}

/** Each bin before and after calibration: its songs, their mean predicted chance and their real hit rate. */
function BinTable({ calibration }: { calibration: Calibration }) {
  const rows = calibration.reliability.map((bin, index) => ({ after: bin, before: calibration.reliability_before[index] }));
  const cells = (bin: ReliabilityBin | undefined) => (
    <>
      <td class="numeric">{bin ? formatCount(bin.count) : '–'}</td>
      <td class="numeric">{percent(bin?.mean_predicted ?? null)}</td>
      <td class="numeric">{percent(bin?.observed_rate ?? null)}</td>
    </>
  );
  return (
    <DataTable
      testId="reliability-table"
      caption="Reliability bins: songs, mean predicted chance and real hit rate, raw and calibrated"
      rows={rows}
      columns={[
        'Chance',
        { label: 'Raw: songs', numeric: true },
        { label: 'Raw: predicted', numeric: true },
        { label: 'Raw: hits', numeric: true },
        { label: 'Calibrated: songs', numeric: true },
        { label: 'Calibrated: predicted', numeric: true },
        { label: 'Calibrated: hits', numeric: true },
      ]}
    >
      {({ after, before }) => (
        <tr key={after.from}>
          <th scope="row" class="nowrap">
            {binRange(after)}
          </th>
          {cells(before)}
          {cells(after)}
        </tr>
      )}
    </DataTable>
  );
}
