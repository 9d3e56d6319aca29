/** A chart's key: a swatch (styled by `series-<key>`) and a label per series. Hidden from screen readers, which read the chart's text instead. */
export function ChartLegend({ series }: { series: ReadonlyArray<{ key: string; label: string }> }) {
  return (
    <span class="legend" aria-hidden="true">
      {series.map((entry) => (
        <span key={entry.key} class={`legend-item series-${entry.key}`}>
          <i />
          {entry.label}
        </span>
      ))}
    </span>
  );
}
