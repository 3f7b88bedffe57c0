"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import type { ButtonResult } from "@/lib/server/button-actions";

type Options = {
  /** What was deleted, for the toast: "Stakeholder deleted". */
  deletedMessage: string;
  /** Where to go after deleting (e.g. back to the list from a detail page). */
  afterDelete?: string;
};

/**
 * Deleting with an undo, apart from its button: a list that draws its rows as
 * markup (components/touchpoints/touchpoint-list-actions.tsx) runs it from one
 * click handler for every row. `remove` answers whether the item was deleted.
 */
export function useDeleteWithUndo({ deletedMessage, afterDelete }: Options) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function remove(onDelete: () => Promise<ButtonResult>, onUndo: () => Promise<ButtonResult>): Promise<boolean> {
    return new Promise((settled) => {
      startTransition(async () => {
        let result: ButtonResult;
        try {
          result = await onDelete();
        } catch {
          toast.error("That could not be deleted. Please try again.");
          settled(false);
          return;
        }
        // Refused (already gone, say): its message says why.
        if (!result.ok) {
          toast.error(result.message);
          settled(false);
          return;
        }
        settled(true);
        if (afterDelete) router.push(afterDelete);
        else router.refresh();
        toast(deletedMessage, {
          duration: 10_000,
          action: {
            label: "Undo",
            onClick: () => {
              void onUndo()
                .then((restored) => {
                  if (!restored.ok) {
                    toast.error(restored.message);
                    return;
                  }
                  toast.success("Restored.");
                  // Back to the page the item was deleted from.
                  if (afterDelete) router.back();
                  router.refresh();
                })
                .catch(() => toast.error("That could not be restored."));
            },
          },
        });
      });
    });
  }

  return { pending, remove };
}

type Props = Options & {
  /** Server action (bound to the item) that soft-deletes it. */
  onDelete: () => Promise<ButtonResult>;
  /** Server action (bound to the item) that restores it. */
  onUndo: () => Promise<ButtonResult>;
  label?: string;
  pendingLabel?: string;
  /** What it deletes, for screen readers after the label: "touchpoint with Jane Doe on 3 Dec 2026". */
  what: string;
  variant?: "danger" | "ghost";
};

/** Deletes at once and offers an undo for a while, so a mis-click loses nothing. */
export function DeleteWithUndo({ onDelete, onUndo, deletedMessage, label = "Delete", pendingLabel = "Deleting…", what, afterDelete, variant = "danger" }: Props) {
  const { pending, remove } = useDeleteWithUndo({ deletedMessage, afterDelete });
  return (
    <Button variant={variant} onClick={() => void remove(onDelete, onUndo)} disabled={pending}>
      {pending ? pendingLabel : label}
      <span className="sr-only"> {what}</span>
    </Button>
  );
}
