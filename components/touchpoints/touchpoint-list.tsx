import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { RowMenu } from "@/components/ui/row-menu";
import { TouchpointDelete } from "@/components/touchpoints/touchpoint-delete";
import type { ButtonResult } from "@/lib/server/button-actions";
import { formatDateOnly } from "@/lib/shared/dates";
import type { Touchpoint } from "@/lib/touchpoints";
import { DEPARTMENTS, TOUCHPOINT_CHANNELS } from "@/lib/shared/vocabulary";

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

/** For a screen reader, what a row's Delete deletes: "touchpoint with Jane Doe on 3 Dec 2026". */
function describeTouchpoint({ stakeholder, department, occurredOn }: Touchpoint): string {
  const on = formatDateOnly(occurredOn, { day: "numeric", month: "short", year: "numeric" });
  return stakeholder ? `touchpoint with ${stakeholder.name} on ${on}` : `group meeting with ${DEPARTMENTS[department]} on ${on}`;
}

/** Touchpoints, newest first, each with edit and delete (with undo) in its row menu. */
export function TouchpointList({ touchpoints, deleteAction, restoreAction, returnTo, emptyMessage = "No touchpoints yet. Log one below: who you talked to and what came of it." }: Props) {
  if (touchpoints.length === 0) {
    return <p className="rounded-md border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted">{emptyMessage}</p>;
  }
  return (
    <ul className="divide-y divide-border" aria-label="Touchpoints">
      {touchpoints.map((touchpoint) => (
        <li key={touchpoint.id} className="py-4 first:pt-0 last:pb-0">
          <article aria-labelledby={`touchpoint-${touchpoint.id}-topic`} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <p className="text-sm text-muted">
                <time dateTime={touchpoint.occurredOn} className="tabular">
                  {formatDateOnly(touchpoint.occurredOn)}
                </time>
                {" · "}
                {touchpoint.stakeholder ? (
                  <Link href={`/stakeholders/${touchpoint.stakeholder.id}`} className="font-medium text-text underline-offset-2 hover:underline">
                    {touchpoint.stakeholder.name}
                  </Link>
                ) : (
                  <span className="font-medium text-text">Group meeting</span>
                )}
                {" · "}
                {DEPARTMENTS[touchpoint.department]}
                {" · "}
                {TOUCHPOINT_CHANNELS[touchpoint.channel]}
              </p>
              <h3 id={`touchpoint-${touchpoint.id}-topic`} className="mt-1 font-medium break-words">
                {touchpoint.topic}
                {touchpoint.notable ? (
                  <span className="ml-2 inline-block rounded-full bg-accent-soft px-2 py-0.5 align-middle text-xs font-medium text-text">Notable</span>
                ) : null}
              </h3>
              {touchpoint.outcome ? <p className="mt-1 whitespace-pre-line break-words text-sm">{touchpoint.outcome}</p> : null}
            </div>
            <RowMenu id={`touchpoint-${touchpoint.id}-actions`} label={`Edit or delete: ${touchpoint.topic}`}>
              <Link
                href={`/touchpoints/${touchpoint.id}/edit${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`}
                className={buttonClasses("ghost", "px-3")}
              >
                Edit<span className="sr-only">: {touchpoint.topic}</span>
              </Link>
              <TouchpointDelete id={touchpoint.id} deleteAction={deleteAction} restoreAction={restoreAction} what={describeTouchpoint(touchpoint)} />
            </RowMenu>
          </article>
        </li>
      ))}
    </ul>
  );
}
