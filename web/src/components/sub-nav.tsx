import type { ComponentChildren } from 'preact';
import { formatCount } from '../lib/format.js';
import { AppLink } from './app-link.js';

export interface SubNavLink {
  path: string;
  label: string;
  /** The page shown is this link's. */
  current: boolean;
  /** A number shown after the label (none when undefined). */
  count?: number;
}

/** A section's own menu under the header (the catalog's, the admin pages', Analytics'), with what else the bar holds. */
export function SubNav({ label, links, children }: { label: string; links: SubNavLink[]; children?: ComponentChildren }) {
  return (
    <div class="catalog-bar">
      <nav aria-label={label}>
        <ul class="sub-nav">
          {links.map((link) => (
            <li key={link.path}>
              <AppLink href={link.path} class="sub-link" aria-current={link.current ? 'page' : undefined}>
                {link.label}
                {link.count !== undefined && <span class="sub-count"> {formatCount(link.count)}</span>}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
