import { TouchpointListActions } from "@/components/touchpoints/touchpoint-list-actions";
import { touchpointRows } from "@/components/touchpoints/touchpoint-rows";
import type { ButtonResult } from "@/lib/server/button-actions";
import type { Touchpoint } from "@/lib/touchpoints";

type Props = {
  touchpoints: readonly Touchpoint[];
  /** Server actions that delete and restore one touchpoint by id. */
  deleteAction: (id: string) => Promise<ButtonResult>;
  restoreAction: (id: string) => Promise<ButtonResult>;
  /** Where the edit page returns to; by default the week the touchpoint falls in. */
  returnTo?: string;
  /** What to say when there are none yet. */
  emptyMessage?: string;
};

/** Touchpoints, newest first, each with edit and delete (with undo) in its row menu. */
export function TouchpointList({ touchpoints, deleteAction, restoreAction, returnTo, emptyMessage = "No touchpoints yet. Log one below: who you talked to and what came of it." }: Props) {
  if (touchpoints.length === 0) {
    return <p className="rounded-md border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted">{emptyMessage}</p>;
  }
  return <TouchpointListActions html={touchpointRows(touchpoints, returnTo).html} deleteAction={deleteAction} restoreAction={restoreAction} />;
}
