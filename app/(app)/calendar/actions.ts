"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { confirmImport, createPendingImport, reclassifyEvent, undoImport } from "@/lib/calendar/imports";
import {
  calendarFileSchema,
  confirmImportSchema,
  defaultCategorySchema,
  deleteRuleSchema,
  importIdSchema,
  moveRuleSchema,
  reclassifyEventSchema,
  ruleFormSchema,
} from "@/lib/calendar/imports.validation";
import { CALENDAR_CATEGORIES } from "@/lib/calendar/rules.validation";
import { deleteRule, moveRule, saveRule, setDefaultCategory } from "@/lib/calendar/user-rules";
import { formAction } from "@/lib/server/actions";
import { buttonAction, parseBound, type ButtonResult } from "@/lib/server/button-actions";

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
