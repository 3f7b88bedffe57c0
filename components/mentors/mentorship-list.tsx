import { RowActionButton } from "@/components/mentors/row-action-button";
import { SharingForm } from "@/components/mentors/sharing-form";
import { StateBadge } from "@/components/mentors/state-badge";
import type { ActionFormProps } from "@/components/ui/form";
import { sharingSummary } from "@/lib/mentoring/mentorship-model";
import type { Mentorship } from "@/lib/mentoring/mentorships";
import type { ButtonResult } from "@/lib/server/button-actions";
import { zonedDateTimeFormat } from "@/lib/shared/dates";

/** The server actions on a row: the one-click ones take the mentorship's id. */
export type MentorshipActions = {
  end: (id: string) => Promise<ButtonResult>;
  resend: (id: string) => Promise<ButtonResult>;
  cancel: (id: string) => Promise<ButtonResult>;
  updateSharing: ActionFormProps["action"];
};

function when(date: Date, timeZone: string): string {
  return zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", year: "numeric" }).format(date);
}

function timeline(row: Mentorship, timeZone: string): string {
  switch (row.state) {
    case "pending":
      return `Invited ${when(row.invitedAt, timeZone)} · link works until ${row.inviteExpiresAt ? when(row.inviteExpiresAt, timeZone) : "–"}`;
    case "expired":
      return `Invited ${when(row.invitedAt, timeZone)} · the link has expired`;
    case "accepted":
      return `Mentoring you since ${row.acceptedAt ? when(row.acceptedAt, timeZone) : when(row.invitedAt, timeZone)}`;
    case "cancelled":
      return `Invited ${when(row.invitedAt, timeZone)} · cancelled${row.endedAt ? ` ${when(row.endedAt, timeZone)}` : ""}`;
    case "ended":
      return `Access ended${row.endedAt ? ` ${when(row.endedAt, timeZone)}` : ""}`;
  }
}

function Row({ row, timeZone, actions }: { row: Mentorship; timeZone: string; actions: MentorshipActions }) {
  const who = row.mentor?.name ?? row.inviteEmail;
  const live = row.state === "pending" || row.state === "expired" || row.state === "accepted";
  return (
    <li className="px-4 py-4 sm:px-5" aria-label={who}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium break-words">
            {who}
            {row.mentor && row.mentor.name !== row.mentor.email ? <span className="ml-2 text-sm font-normal text-muted">{row.mentor.email}</span> : null}
          </p>
          <p className="mt-0.5 text-sm text-muted">{timeline(row, timeZone)}</p>
          {live ? <p className="mt-0.5 text-sm text-muted">Sees: {sharingSummary(row.share).toLowerCase()}</p> : null}
        </div>
        <StateBadge state={row.state} />
      </div>
      {live ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {row.state === "accepted" ? (
            <RowActionButton
              action={actions.end.bind(null, row.id)}
              label="End access"
              pendingLabel="Ending…"
              variant="danger"
              confirm={`End ${who}'s access? They will no longer see anything of yours, starting now.`}
            />
          ) : (
            <>
              <RowActionButton action={actions.resend.bind(null, row.id)} label="Resend with a new link" pendingLabel="Sending…" />
              <RowActionButton action={actions.cancel.bind(null, row.id)} label="Cancel invitation" pendingLabel="Cancelling…" variant="ghost" />
            </>
          )}
        </div>
      ) : null}
      {live ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-accent">Change what {row.state === "accepted" ? "they see" : "they will see"}</summary>
          <div className="mt-3 max-w-xl">
            <SharingForm action={actions.updateSharing} id={row.id} share={row.share} who={who} />
          </div>
        </details>
      ) : null}
    </li>
  );
}

/** The leader's mentors and invitations, live ones first, then the history. */
export function MentorshipList({ mentorships, timeZone, label, actions }: { mentorships: Mentorship[]; timeZone: string; label: string; actions: MentorshipActions }) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={label}>
      {mentorships.map((row) => (
        <Row key={row.id} row={row} timeZone={timeZone} actions={actions} />
      ))}
    </ul>
  );
}
