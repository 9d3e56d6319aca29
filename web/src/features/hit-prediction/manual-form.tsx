import { FEATURES, type FeatureName, type Features, type FeatureSpec } from '../../lib/features.js';
import { formatFeature } from '../../lib/format.js';

interface ManualFormProps {
  features: Features;
  onChange(features: Features): void;
  onReset(): void;
  /** Keeps the prediction shown in History; absent while there is none for these features. */
  onSave?: () => void;
  busy: boolean;
  error: string | null;
}

/** Sliders and number fields for the ten features; the page predicts as they change. */
export function ManualForm({ features, onChange, onReset, onSave, busy, error }: ManualFormProps) {
  const set = (name: FeatureName, value: number) => onChange({ ...features, [name]: value });
  return (
    <form class="manual-form" onSubmit={(event) => event.preventDefault()} noValidate>
      <p class="muted small">Change any feature: the prediction follows as you go.</p>
      <div class="manual-grid">
        {FEATURES.map((spec) =>
          spec.kind === 'yes-no' || spec.kind === 'major-minor' ? (
            <ChoiceField key={spec.name} spec={spec} value={features[spec.name]} onChange={(value) => set(spec.name, value)} />
          ) : (
            <RangeField key={spec.name} spec={spec} value={features[spec.name]} onChange={(value) => set(spec.name, value)} />
          ),
        )}
      </div>
      {error && (
        <p class="form-error" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
      <div class="actions">
        <span class="status" aria-live="polite">
          {busy ? 'Predicting…' : ''}
        </span>
        <button type="button" class="button ghost" onClick={onReset}>
          Reset
        </button>
        <button type="button" class="button" onClick={onSave} disabled={!onSave || busy}>
          Save to history
        </button>
      </div>
    </form>
  );
}

function RangeField({ spec, value, onChange }: { spec: FeatureSpec; value: number; onChange(value: number): void }) {
  // Duration is entered in seconds; the API takes milliseconds.
  const factor = spec.kind === 'duration' ? 1000 : 1;
  const shown = value / factor;
  const id = `feature-${spec.name}`;
  const invalid = !Number.isFinite(value) || value < spec.min || value > spec.max;
  const [sliderMin, sliderMax] = spec.kind === 'duration' ? [30, 900] : [spec.min, spec.max];
  const read = (event: Event) => Number((event.target as HTMLInputElement).value) * factor;
  return (
    <div class="range-field">
      <div class="range-head">
        <label for={id}>{spec.label}</label>
        <span class="muted small">{Number.isFinite(value) ? formatFeature(spec.name, value) : '—'}</span>
      </div>
      <div class="range-inputs">
        <input
          type="range"
          min={sliderMin}
          max={sliderMax}
          step={spec.kind === 'duration' ? 1 : spec.step}
          value={Number.isFinite(shown) ? shown : sliderMin}
          onInput={(event) => onChange(read(event))}
          aria-label={`${spec.label} slider`}
        />
        <input
          id={id}
          name={spec.name}
          type="number"
          min={spec.min / factor}
          max={spec.max / factor}
          step={spec.kind === 'duration' ? 1 : spec.step}
          value={Number.isFinite(shown) ? shown : ''}
          onInput={(event) => onChange((event.target as HTMLInputElement).value === '' ? Number.NaN : read(event))}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
        />
      </div>
      <span id={`${id}-hint`} class={invalid ? 'field-error small' : 'muted small'}>
        {invalid
          ? `${spec.label} must be between ${spec.min / factor} and ${spec.max / factor}${spec.kind === 'duration' ? ' seconds' : ''}.`
          : `${spec.hint}${spec.kind === 'duration' ? ' (seconds)' : ''}`}
      </span>
    </div>
  );
}

function ChoiceField({ spec, value, onChange }: { spec: FeatureSpec; value: number; onChange(value: number): void }) {
  const options = spec.kind === 'major-minor' ? ['Minor', 'Major'] : ['No', 'Yes'];
  return (
    <fieldset class="choice-field">
      <legend>{spec.label}</legend>
      <div class="segmented">
        {options.map((option, index) => (
          <label key={option}>
            <input type="radio" name={spec.name} value={index} checked={value === index} onChange={() => onChange(index)} />
            <span>{option}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
