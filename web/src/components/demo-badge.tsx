import './demo-badge.css';

/** Marks a record the app generated for demos (the API's `demo: true`): invented, not real data. */
export function DemoBadge({ demo }: { demo: boolean }) {
  if (!demo) return null;
  return (
    <span class="demo-badge" data-testid="demo-badge" title="Demo data: invented by Encore, not real. npm run cli -- demo remove deletes it.">
      demo
    </span>
  );
}
