import { cn } from "@/components/ui/cn";
import { INVITATION_STATE_LABELS, type InvitationState } from "@/lib/mentoring/mentorship-model";

const tones: Record<InvitationState, string> = {
  accepted: "border-success text-success",
  pending: "border-border-strong bg-accent-soft text-text",
  expired: "border-warning bg-warning-soft text-warning",
  cancelled: "border-border text-muted",
  ended: "border-border text-muted",
};

/** An invitation's state in words (never colour alone). */
export function StateBadge({ state }: { state: InvitationState }) {
  return (
    <span className={cn("inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium", tones[state])} data-state={state}>
      {INVITATION_STATE_LABELS[state]}
    </span>
  );
}
