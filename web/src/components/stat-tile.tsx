/** One figure of a `stat-grid` list: the number, what it counts, and a hint under it. */
export function StatTile({ value, label, hint, testId }: { value: string; label: string; hint?: string; testId?: string }) {
  return (
    <li class="stat" data-testid={testId}>
      <span class="stat-value">{value}</span>
      <span class="stat-label">{label}</span>
      {hint && <span class="muted small">{hint}</span>}
    </li>
  );
}
