"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import type { ButtonResult } from "@/lib/server/button-actions";

type Props = {
  /** Server action (bound to the item) that soft-deletes it. */
  onDelete: () => Promise<ButtonResult>;
  /** Server action (bound to the item) that restores it. */
  onUndo: () => Promise<ButtonResult>;
  /** What was deleted, for the toast: "Stakeholder deleted". */
  deletedMessage: string;
  label?: string;
  pendingLabel?: string;
  /** What it deletes, for screen readers after the label: "touchpoint with Jane Doe on 3 Dec 2026". */
  what: string;
  /** Where to go after deleting (e.g. back to the list from a detail page). */
  afterDelete?: string;
  variant?: "danger" | "ghost";
};

/** Deletes at once and offers an undo for a while, so a mis-click loses nothing. */
export function DeleteWithUndo({ onDelete, onUndo, deletedMessage, label = "Delete", pendingLabel = "Deleting…", what, afterDelete, variant = "danger" }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      let result: ButtonResult;
      try {
        result = await onDelete();
      } catch {
        toast.error("That could not be deleted. Please try again.");
        return;
      }
      // Refused (already gone, say): its message says why.
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
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
  }

  return (
    <Button variant={variant} onClick={remove} disabled={pending}>
      {pending ? pendingLabel : label}
      <span className="sr-only"> {what}</span>
    </Button>
  );
}
