"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";

type Props = {
  /** Server action bound to one row; answers with a message for the toast. */
  action: () => Promise<{ ok: boolean; message: string }>;
  label: string;
  /** Said to screen readers after the label, when the label alone does not say what it acts on. */
  what?: string;
  pendingLabel: string;
  /** Asked first, for what cannot be undone. */
  confirm?: string;
  variant?: "primary" | "secondary" | "ghost" | "danger";
  /** Where to go after it worked; by default the page refreshes. */
  after?: string;
};

/** A button that runs one server action, with a pending state and a toast. */
export function RowActionButton({ action, label, what, pendingLabel, confirm, variant = "secondary", after }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function run() {
    if (confirm && !window.confirm(confirm)) return;
    startTransition(async () => {
      const result = await action().catch(() => ({ ok: false, message: "Something went wrong. Please try again." }));
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      toast.success(result.message);
      if (after) router.push(after);
      else router.refresh();
    });
  }
  return (
    <Button variant={variant} onClick={run} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
      {what ? <span className="sr-only"> {what}</span> : null}
    </Button>
  );
}
