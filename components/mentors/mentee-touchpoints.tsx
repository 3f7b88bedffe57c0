import { formatDateOnly } from "@/lib/shared/dates";
import type { Touchpoint } from "@/lib/touchpoints";
import { DEPARTMENTS, TOUCHPOINT_CHANNELS } from "@/lib/shared/vocabulary";

/** Touchpoints, read-only (the leader's own list has edit and delete). */
export function MenteeTouchpoints({ touchpoints, emptyMessage }: { touchpoints: readonly Touchpoint[]; emptyMessage: string }) {
  if (touchpoints.length === 0) return <p className="text-sm text-muted">{emptyMessage}</p>;
  return (
    <ul className="divide-y divide-border" aria-label="Touchpoints">
      {touchpoints.map((touchpoint) => (
        <li key={touchpoint.id} className="py-3 first:pt-0 last:pb-0">
          <p className="text-sm text-muted">
            <time dateTime={touchpoint.occurredOn} className="tabular">
              {formatDateOnly(touchpoint.occurredOn)}
            </time>
            {" · "}
            <span className="font-medium text-text">{touchpoint.stakeholder?.name ?? "Group meeting"}</span>
            {" · "}
            {DEPARTMENTS[touchpoint.department]} · {TOUCHPOINT_CHANNELS[touchpoint.channel]}
          </p>
          <p className="mt-1 font-medium break-words">{touchpoint.topic}</p>
          {touchpoint.outcome ? <p className="mt-1 whitespace-pre-line break-words text-sm">{touchpoint.outcome}</p> : null}
        </li>
      ))}
    </ul>
  );
}
