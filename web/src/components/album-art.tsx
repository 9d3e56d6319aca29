import { useState } from 'preact/hooks';

/** The cover, or a placeholder drawn from the title's initial when there is none (or it fails to load). */
export function AlbumArt({ src, title }: { src: string | null | undefined; title: string }) {
  const [failed, setFailed] = useState(false);
  if (src && !failed) {
    return <img class="album-art" src={src} alt={`Cover of ${title}`} width={160} height={160} onError={() => setFailed(true)} />;
  }
  const hue = [...title].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  return (
    <div class="album-art placeholder" style={{ '--hue': hue }} role="img" aria-label="No cover available">
      <svg viewBox="0 0 48 48" aria-hidden="true">
        <circle cx="24" cy="24" r="18" />
        <circle cx="24" cy="24" r="5" />
      </svg>
      <span aria-hidden="true">{title.trim().charAt(0).toUpperCase() || '♪'}</span>
    </div>
  );
}
