// An in-app link: a real <a href> (long-press and copy work) that navigates without a reload.
import type { ComponentChildren } from 'preact';
import { onLinkClick } from '../lib/router.ts';

export function Link({ href, class: cls, children, testId }: { href: string; class?: string; children: ComponentChildren; testId?: string }) {
  return (
    <a href={href} class={cls} onClick={onLinkClick} data-testid={testId}>
      {children}
    </a>
  );
}
