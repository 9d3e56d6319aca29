/** Small stroke icons (decorative: the buttons carry their names). */
const paths = {
  play: <path d="M8 5.5v13l11-6.5z" class="filled" />,
  pause: (
    <>
      <rect x="6.5" y="5" width="4" height="14" rx="1" class="filled" />
      <rect x="13.5" y="5" width="4" height="14" rx="1" class="filled" />
    </>
  ),
  next: (
    <>
      <path d="M6 5.5v13l9-6.5z" class="filled" />
      <path d="M18 5v14" />
    </>
  ),
  previous: (
    <>
      <path d="M18 5.5v13l-9-6.5z" class="filled" />
      <path d="M6 5v14" />
    </>
  ),
  heart: <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />,
  star: <path d="M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.8 6.8 19.6l1-5.8L3.5 9.7l5.9-.8z" />,
  search: (
    <>
      <circle cx="11" cy="11" r="6" />
      <path d="M20 20l-4.5-4.5" />
    </>
  ),
  up: <path d="M6 15l6-6 6 6" />,
  down: <path d="M6 9l6 6 6-6" />,
  close: <path d="M6 6l12 12M18 6L6 18" />,
  plus: <path d="M12 5v14M5 12h14" />,
};

export type IconName = keyof typeof paths;

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <svg class={`icon${filled ? ' icon-filled' : ''}`} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      {paths[name]}
    </svg>
  );
}
