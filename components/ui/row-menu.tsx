import type { ReactNode } from "react";

/**
 * A row's actions (edit, delete) behind one small button, so the row's text
 * keeps the width on a phone. A popover: it opens and closes (Escape, a tap
 * outside) and returns focus without JavaScript, and sits under its button
 * where the browser can anchor it (globals.css, .row-menu).
 */
export function RowMenu({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        className="inline-flex size-10 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-muted hover:text-text"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <circle cx="4" cy="10" r="1.75" />
          <circle cx="10" cy="10" r="1.75" />
          <circle cx="16" cy="10" r="1.75" />
        </svg>
        <span className="sr-only">{label}</span>
      </button>
      <div id={id} popover="auto" aria-label={label} className="row-menu flex-col gap-1 rounded-md border border-border bg-surface p-1 text-text shadow-lg open:flex">
        {children}
      </div>
    </>
  );
}
