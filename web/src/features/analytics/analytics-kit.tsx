import { analyticsApi, type ScoreComponent } from './analytics-api.js';
import { useLoad } from '../../hooks.js';
import {
  BREAKOUT_LABELS,
  breakoutTone,
  gaugeArc,
  gaugeAngle,
  gaugePoint,
  MOMENTUM_FLOORS,
  momentumLabel,
  momentumTone,
  noArtistsMessage,
  type BreakoutLabel,
  type Tone,
} from './analytics.js';
import type { Role } from '../../lib/session.js';
import { usePath } from '../../router.js';
import { AppLink } from '../../components/app-link.js';
import { SubNav } from '../../components/sub-nav.js';

const SECTIONS = [
  { path: '/analytics', label: 'Overview' },
  { path: '/analytics/alerts', label: 'Alerts', openAlerts: true },
];

/** The Analytics pages' menu; Alerts carries the number of open alerts. */
export function AnalyticsNav({ refreshKey = 0 }: { refreshKey?: number }) {
  const path = usePath();
  const open = useLoad((signal) => analyticsApi.alerts({ acknowledged: 'false', page_size: 1 }, signal), [refreshKey]);
  const openCount = open.state === 'ready' && open.data.count > 0 ? open.data.count : undefined;
  const links = SECTIONS.map((section) => ({
    path: section.path,
    label: section.label,
    current: path === section.path,
    count: section.openAlerts ? openCount : undefined,
  }));
  return <SubNav label="Analytics" links={links} />;
}

/** A small coloured label: momentum statuses, breakout labels, alert types. */
export function ToneBadge({ tone, children, testId, value }: { tone: Tone; children: string; testId?: string; value?: string }) {
  return (
    <span class={`tone-badge tone-${tone}`} data-testid={testId} data-value={value}>
      {children}
    </span>
  );
}

export function MomentumBadge({ status, testId }: { status: string | null | undefined; testId?: string }) {
  return (
    <ToneBadge tone={momentumTone(status)} testId={testId} value={status ?? ''}>
      {momentumLabel(status)}
    </ToneBadge>
  );
}

export function BreakoutBadge({ label, testId }: { label: string | null | undefined; testId?: string }) {
  const known = label ? BREAKOUT_LABELS[label as BreakoutLabel] : undefined;
  return (
    <ToneBadge tone={breakoutTone(label)} testId={testId} value={label ?? ''}>
      {known ? `${known.label} chance` : 'No prediction'}
    </ToneBadge>
  );
}

const GAUGE = { cx: 110, cy: 104, r: 86 };

/** The Momentum Index on a half circle from 0 (left) to 10 (right), the status floors ticked. */
export function MomentumGauge({ index, status }: { index: number | null; status: string | null }) {
  const { cx, cy, r } = GAUGE;
  const tone = momentumTone(status);
  const needle = gaugePoint(cx, cy, r - 18, gaugeAngle(index));
  const text = index === null ? 'Momentum Index: not scored yet' : `Momentum Index ${index.toFixed(1)} of 10: ${momentumLabel(status)}`;
  return (
    <svg class={`gauge tone-${tone}`} viewBox="0 0 220 128" role="img" aria-label={text} data-testid="momentum-gauge">
      <path class="gauge-track" d={gaugeArc(cx, cy, r, 0, 10)} />
      {index !== null && index > 0 && <path class="gauge-value" d={gaugeArc(cx, cy, r, 0, index)} />}
      {MOMENTUM_FLOORS.map((floor) => {
        const outer = gaugePoint(cx, cy, r + 9, gaugeAngle(floor));
        const inner = gaugePoint(cx, cy, r - 9, gaugeAngle(floor));
        return <line key={floor} class="gauge-tick" x1={inner.x} y1={inner.y} x2={outer.x} y2={outer.y} />;
      })}
      {index !== null && <line class="gauge-needle" x1={cx} y1={cy} x2={needle.x} y2={needle.y} />}
      <circle class="gauge-hub" cx={cx} cy={cy} r={5} />
      <text class="gauge-end" x={cx - r} y={cy + 18} text-anchor="middle">
        0
      </text>
      <text class="gauge-end" x={cx + r} y={cy + 18} text-anchor="middle">
        10
      </text>
      <text class="gauge-number" x={cx} y={cy - 26} text-anchor="middle">
        {index === null ? '—' : index.toFixed(1)}
      </text>
    </svg>
  );
}

interface Part {
  id: string;
  label: string;
  hint: string;
  raw: (raw: number) => string;
}

/** The weighted parts of a score, each as a bar of its 0–max score with its weight and raw value in words. */
export function ScoreParts({
  parts,
  components,
  max,
  label,
}: {
  parts: readonly Part[];
  components: Record<string, ScoreComponent>;
  max: number;
  label: string;
}) {
  return (
    <ul class="score-parts" aria-label={label}>
      {parts.map((part) => {
        const component = components[part.id];
        const score = component?.score ?? null;
        return (
          <li key={part.id} data-testid="score-part" data-part={part.id}>
            <span class="score-part-name">
              <strong title={part.hint}>{part.label}</strong>
              <span class="muted small score-part-raw">
                {component?.raw === null || component?.raw === undefined ? 'no data' : part.raw(component.raw)} · weight{' '}
                {Math.round((component?.weight ?? 0) * 100)}%
              </span>
            </span>
            <span class="bar-track" aria-hidden="true">
              <span style={{ width: `${score === null ? 0 : Math.max(0, Math.min(100, (score / max) * 100))}%` }} />
            </span>
            <span class="score-part-value">
              {score === null ? '—' : score.toFixed(max > 10 ? 0 : 1)}
              <span class="sr-only"> of {max}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** What an account that sees no artist is told. */
export function NoArtists({ role }: { role: Role }) {
  const message = noArtistsMessage(role);
  return (
    <section class="card narrow" data-testid="analytics-empty">
      <h1>{message.title}</h1>
      <p class="muted">{message.text}</p>
      <div class="actions">
        <AppLink class="button ghost" href="/catalog">
          Back to the catalog
        </AppLink>
      </div>
    </section>
  );
}
