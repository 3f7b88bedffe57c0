"use client";

import { useEffect, useRef } from "react";
import { useDeleteWithUndo } from "@/components/ui/delete-with-undo";
import type { ButtonResult } from "@/lib/server/button-actions";

type Props = {
  /** The rows, built and escaped by touchpoint-rows.ts. */
  html: string;
  /** Server actions that delete and restore one touchpoint by id (lib/ checks it is the viewer's). */
  deleteAction: (id: string) => Promise<ButtonResult>;
  restoreAction: (id: string) => Promise<ButtonResult>;
};

/**
 * The one client part of a list of touchpoints (decision record 034): the rows
 * are markup, and this handles every row's Delete (with undo) from one click
 * listener (the shell's `MarkupLinks` follows the rows' links inside the app).
 * Each action is sent once per page, unbound.
 */
export function TouchpointListActions({ html, deleteAction, restoreAction }: Props) {
  const rows = useRef<HTMLDivElement>(null);
  const { remove } = useDeleteWithUndo({ deletedMessage: "Touchpoint deleted" });
  // Kept current for the listener, which is added once.
  const latest = useRef({ remove, deleteAction, restoreAction });
  useEffect(() => {
    latest.current = { remove, deleteAction, restoreAction };
  });

  useEffect(() => {
    const list = rows.current;
    if (!list) return;
    function onClick(event: MouseEvent) {
      const { remove, deleteAction, restoreAction } = latest.current;
      const target = event.target instanceof Element ? event.target : null;
      const button = target?.closest<HTMLButtonElement>("button[data-touchpoint-delete]");
      const id = button?.dataset.touchpointDelete;
      if (button && id) {
        const label = button.firstChild;
        button.disabled = true;
        if (label) label.textContent = "Deleting…";
        void remove(
          () => deleteAction(id),
          () => restoreAction(id),
        ).then((deleted) => {
          // Deleted, the refreshed rows leave it out; refused, it is offered again.
          if (deleted) return;
          button.disabled = false;
          if (label) label.textContent = "Delete";
        });
      }
    }
    list.addEventListener("click", onClick);
    return () => list.removeEventListener("click", onClick);
  }, []);

  return <div ref={rows} data-markup="" dangerouslySetInnerHTML={{ __html: html }} />;
}
