// A list of touchpoints as one markup string (decision record 034, after 033's story lists): a week's or a
// stakeholder's rows as React elements cost server time twice (HTML and payload), ~2.4 kB of payload a row.
// Every interpolated value is escaped by `markup`; what the leader typed stays text.
import { markup, type Markup } from "@/components/charts/markup";
import { rowMenu } from "@/components/ui/row-menu";
import { formatDateOnly } from "@/lib/shared/dates";
import type { Touchpoint } from "@/lib/touchpoints";
import { DEPARTMENTS, TOUCHPOINT_CHANNELS } from "@/lib/shared/vocabulary";

/** For a screen reader, what a row's Delete deletes: "touchpoint with Jane Doe on 3 Dec 2026". */
function describeTouchpoint({ stakeholder, department, occurredOn }: Touchpoint): string {
  const on = formatDateOnly(occurredOn, { day: "numeric", month: "short", year: "numeric" });
  return stakeholder ? `touchpoint with ${stakeholder.name} on ${on}` : `group meeting with ${DEPARTMENTS[department]} on ${on}`;
}

/** When, who (as the caller shows them), the department and how they met. */
function meta(touchpoint: Touchpoint, who: Markup): Markup {
  return markup`<p class="text-sm text-muted"><time datetime="${touchpoint.occurredOn}" class="tabular">${formatDateOnly(touchpoint.occurredOn)}</time> · ${who} · ${DEPARTMENTS[touchpoint.department]} · ${TOUCHPOINT_CHANNELS[touchpoint.channel]}</p>`;
}

function outcome(touchpoint: Touchpoint): Markup | null {
  return touchpoint.outcome ? markup`<p class="mt-1 whitespace-pre-line break-words text-sm">${touchpoint.outcome}</p>` : null;
}

const NOTABLE = markup`<span class="ml-2 inline-block rounded-full bg-accent-soft px-2 py-0.5 align-middle text-xs font-medium text-text">Notable</span>`;

/** The leader's touchpoints, newest first, each with edit and delete (with undo) in its row menu. */
export function touchpointRows(touchpoints: readonly Touchpoint[], returnTo: string | undefined): Markup {
  const editQuery = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : "";
  const rows = touchpoints.map((touchpoint) => {
    const { id, stakeholder, topic } = touchpoint;
    const who = stakeholder
      ? markup`<a href="/stakeholders/${stakeholder.id}" class="font-medium text-text underline-offset-2 hover:underline">${stakeholder.name}</a>`
      : markup`<span class="font-medium text-text">Group meeting</span>`;
    // Its Delete carries the id for the list's one click handler (touchpoint-list-actions.tsx).
    const actions = markup`<a href="/touchpoints/${id}/edit${editQuery}" class="row-menu-action">Edit<span class="sr-only">: ${topic}</span></a><button type="button" data-touchpoint-delete="${id}" class="row-menu-action">Delete<span class="sr-only"> ${describeTouchpoint(touchpoint)}</span></button>`;
    return markup`<li class="py-4 first:pt-0 last:pb-0"><article aria-labelledby="touchpoint-${id}-topic" class="flex items-start gap-2"><div class="min-w-0 flex-1">${meta(touchpoint, who)}<h3 id="touchpoint-${id}-topic" class="mt-1 font-medium break-words">${topic}${touchpoint.notable ? NOTABLE : null}</h3>${outcome(touchpoint)}</div>${rowMenu(`touchpoint-${id}-actions`, `Edit or delete: ${topic}`, actions)}</article></li>`;
  });
  return markup`<ul class="divide-y divide-border" aria-label="Touchpoints">${rows}</ul>`;
}

/** A mentee's touchpoints, read-only, for their mentor: no links into the leader's pages. */
export function menteeTouchpointRows(touchpoints: readonly Touchpoint[]): Markup {
  const rows = touchpoints.map(
    (touchpoint) =>
      markup`<li class="py-3 first:pt-0 last:pb-0">${meta(touchpoint, markup`<span class="font-medium text-text">${touchpoint.stakeholder?.name ?? "Group meeting"}</span>`)}<p class="mt-1 font-medium break-words">${touchpoint.topic}</p>${outcome(touchpoint)}</li>`,
  );
  return markup`<ul class="divide-y divide-border" aria-label="Touchpoints">${rows}</ul>`;
}
