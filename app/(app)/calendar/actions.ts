"use server";

import { revalidatePath } from "next/cache";
import { createElement } from "react";
import { redirect } from "next/navigation";
import type { WeekEventsResult } from "@/components/calendar/week-events";
import { WeekEventList } from "@/components/calendar/week-event-list";
import { confirmImport, createPendingImport, getPendingImportWeek, reclassifyEvent, undoImport } from "@/lib/calendar/imports";
import {
  calendarFileSchema,
  confirmImportSchema,
  defaultCategorySchema,
  deleteRuleSchema,
  importIdSchema,
  importWeekSchema,
  moveRuleSchema,
  reclassifyEventSchema,
  ruleFormSchema,
} from "@/lib/calendar/imports.validation";
import { refreshFeed, subscribeFeed, unsubscribeFeed } from "@/lib/calendar/feeds";
import { feedAddressSchema, feedIdSchema } from "@/lib/calendar/feeds.validation";
import { CALENDAR_CATEGORIES } from "@/lib/calendar/rules.validation";
import { deleteRule, moveRule, saveRule, setDefaultCategory } from "@/lib/calendar/user-rules";
import { formAction } from "@/lib/server/actions";
import { buttonAction, parseBound, type ButtonResult } from "@/lib/server/button-actions";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { getCalendarSettings } from "@/lib/users";

// Uploading reads the file into a pending import and opens its preview; nothing
// in the weeks changes until the confirm.
export const uploadCalendarAction = formAction(
  calendarFileSchema,
  async (viewer, { file }) => {
    const { id } = await createPendingImport(viewer, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    revalidatePath("/calendar");
    redirect(`/calendar/imports/${id}`);
  },
  { files: ["file"] },
);

/** Weeks, touchpoints, stakeholders' last-met dates and the dashboard all follow a confirm or an undo. */
function revalidateEverything() {
  revalidatePath("/", "layout");
}

// Off to /calendar, which says what was imported: the review page has nothing left to show once it is confirmed.
export const confirmImportAction = formAction(confirmImportSchema, async (viewer, input) => {
  await confirmImport(viewer, input);
  revalidateEverything();
  redirect(`/calendar?imported=${encodeURIComponent(input.id)}`);
});

export async function undoImportAction(id: unknown): Promise<ButtonResult> {
  let message = "";
  const result = await buttonAction(async (viewer) => {
    const { weeksKept } = await undoImport(viewer, parseBound(importIdSchema, id, "That calendar import"));
    revalidateEverything();
    message =
      weeksKept === 0
        ? "Import undone: its touchpoints are gone and its weeks are back as they were."
        : `Import undone. ${weeksKept === 1 ? "One week was" : `${weeksKept} weeks were`} changed after the import and kept as you left ${weeksKept === 1 ? "it" : "them"}.`;
  }, "Import undone.");
  return result.ok ? { ok: true, message } : result;
}

// ── Feeds ────────────────────────────────────────────────────────────────────

// Subscribing fetches the feed once and opens its first import for review, as an upload does.
export const subscribeFeedAction = formAction(feedAddressSchema, async (viewer, { address }) => {
  const { importId } = await subscribeFeed(viewer, address);
  revalidatePath("/calendar");
  redirect(`/calendar/imports/${importId}`);
});

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export async function refreshFeedAction(id: unknown): Promise<ButtonResult> {
  let message = "";
  const result = await buttonAction(async (viewer) => {
    const refreshed = await refreshFeed(viewer, parseBound(feedIdSchema, id, "That calendar feed"));
    // The page shows the last refresh, its error, and an import waiting for review: it follows either way.
    if (refreshed.outcome === "applied" && refreshed.weeks + refreshed.touchpoints > 0) revalidateEverything();
    else revalidatePath("/calendar");
    if (refreshed.outcome === "failed") throw new ExpectedError(refreshed.message);
    if (refreshed.outcome === "review") {
      message = "Fetched. Review its import beside the feed: nothing changes until you confirm it.";
      return;
    }
    message =
      refreshed.weeks + refreshed.touchpoints === 0
        ? "Refreshed: nothing new to write."
        : `Refreshed: ${plural(refreshed.weeks, "week", "weeks")} written, ${plural(refreshed.touchpoints, "touchpoint", "touchpoints")} added.`;
  }, "Refreshed.");
  return result.ok ? { ok: true, message } : result;
}

export async function unsubscribeFeedAction(id: unknown): Promise<ButtonResult> {
  return buttonAction(async (viewer) => {
    await unsubscribeFeed(viewer, parseBound(feedIdSchema, id, "That calendar feed"));
    revalidatePath("/calendar");
  }, "Feed removed. The weeks it wrote stay; undo its imports below to take them back.");
}

// ── Rules ────────────────────────────────────────────────────────────────────

/** The rules page and every preview (computed from the rules) follow a change of the rules. */
function revalidateRules() {
  revalidatePath("/calendar", "layout");
}

/** One event of a pending import, or its whole series (a rule), gets another category; the preview follows. */
export async function reclassifyEventAction(id: unknown, event: unknown, category: unknown, scope: unknown): Promise<ButtonResult> {
  let message = "";
  const result = await buttonAction(async (viewer) => {
    const input = parseBound(reclassifyEventSchema, { id, event, category, scope }, "That event");
    const { rule } = await reclassifyEvent(viewer, input);
    revalidateRules();
    const counts = `count${input.category === "ignore" ? " in no week" : ` as ${CALENDAR_CATEGORIES[input.category]}`}`;
    message =
      rule?.match.on === "title"
        ? `Every event titled “${rule.match.title}” will ${counts}: a rule was added first in your calendar rules.`
        : `This event will ${counts}.`;
  }, "");
  return result.ok ? { ok: true, message } : result;
}

/**
 * One week's events in the preview of a pending import, rendered on the
 * server: the review loads them when the week is opened, so its page carries
 * only the weeks' sums. A read, answered like the buttons' actions.
 */
export async function weekEventsAction(id: unknown, week: unknown): Promise<WeekEventsResult> {
  let events: WeekEventsResult["events"];
  const result = await buttonAction(async (viewer) => {
    const input = parseBound(importWeekSchema, { id, week }, "That calendar import");
    const [found, { timeZone }] = await Promise.all([getPendingImportWeek(viewer, input.id, input.week), getCalendarSettings(viewer)]);
    if (!found) throw new NotFoundError("That calendar import");
    events = createElement(WeekEventList, { events: found.events, ignored: found.ignored, timeZone, reclassify: reclassifyEventAction.bind(null, found.id) });
  }, "");
  return result.ok ? { ...result, events } : result;
}

export const saveRuleAction = formAction(ruleFormSchema, async (viewer, input) => {
  await saveRule(viewer, input);
  revalidateRules();
  return input.position === undefined ? "Rule added at the end of the list." : "Rule saved.";
});

export const saveDefaultCategoryAction = formAction(defaultCategorySchema, async (viewer, { defaultCategory }) => {
  await setDefaultCategory(viewer, defaultCategory);
  revalidateRules();
  return "Saved.";
});

export async function moveRuleAction(position: unknown, direction: unknown): Promise<ButtonResult> {
  return buttonAction(async (viewer) => {
    const input = parseBound(moveRuleSchema, { position, direction }, "That rule");
    await moveRule(viewer, input.position, input.direction);
    revalidateRules();
  }, "Rule moved.");
}

export async function deleteRuleAction(position: unknown): Promise<ButtonResult> {
  return buttonAction(async (viewer) => {
    await deleteRule(viewer, parseBound(deleteRuleSchema, { position }, "That rule").position);
    revalidateRules();
  }, "Rule deleted.");
}
