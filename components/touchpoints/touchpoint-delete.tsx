"use client";

import { DeleteWithUndo } from "@/components/ui/delete-with-undo";
import type { ButtonResult } from "@/lib/server/button-actions";

type Props = {
  id: string;
  /** Server actions that delete and restore one touchpoint by id (lib/ checks it is the viewer's). */
  deleteAction: (id: string) => Promise<ButtonResult>;
  restoreAction: (id: string) => Promise<ButtonResult>;
  what: string;
};

/**
 * A row's delete with undo. The actions come unbound and take the id here:
 * a page sends each action once, where binding it to every row's id would
 * send (and encrypt) two bound copies per row.
 */
export function TouchpointDelete({ id, deleteAction, restoreAction, what }: Props) {
  return <DeleteWithUndo onDelete={() => deleteAction(id)} onUndo={() => restoreAction(id)} deletedMessage="Touchpoint deleted" what={what} variant="ghost" />;
}
