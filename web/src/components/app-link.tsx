import type { JSX } from 'preact';
import { onLinkClick } from '../router.js';

type AppLinkProps = Omit<JSX.AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> & { href: string; onClick?: () => void };

/** A link to a page of the app, navigating without a reload. */
export function AppLink({ href, onClick, ...rest }: AppLinkProps) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(event) => {
        onClick?.();
        onLinkClick(event, href);
      }}
    />
  );
}
