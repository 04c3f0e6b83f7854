// The heading of every page: the title (the page's landmark name), an introduction, and
// optional content on the right (a badge, a save indicator).
import type { ReactNode } from 'react';

export function PageHeader({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1 id="page-title">{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
      </div>
      {children}
    </header>
  );
}
