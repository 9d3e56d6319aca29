import type { ComponentChildren } from 'preact';

/** A row of tabs (arrow keys move between them), for one panel whose content follows the choice. */
export function Tabs<T extends string>({
  id,
  label,
  tabs,
  value,
  onChange,
}: {
  id: string;
  label: string;
  tabs: ReadonlyArray<{ id: T; label: string }>;
  value: T;
  onChange(value: T): void;
}) {
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${id}-tab-${tab.id}`}
          aria-selected={value === tab.id}
          aria-controls={`${id}-panel`}
          tabIndex={value === tab.id ? 0 : -1}
          class="tab"
          onClick={() => onChange(tab.id)}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            const next = tabs[(tabs.findIndex((entry) => entry.id === value) + step + tabs.length) % tabs.length]!;
            onChange(next.id);
            document.getElementById(`${id}-tab-${next.id}`)?.focus();
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The panel of a Tabs row. */
export function TabPanel({ id, value, children }: { id: string; value: string; children: ComponentChildren }) {
  return (
    <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${value}`}>
      {children}
    </div>
  );
}
