// Stakeholder rules, shared by the form (instant feedback) and the server,
// plus the pure "who is overdue" arithmetic the list and its tests rely on.
import { z } from "zod";
import { addDaysTo, daysBetween, type DateOnly } from "@/lib/shared/dates";
import { idSchema } from "@/lib/shared/forms";
import { Department } from "@/lib/generated/prisma/enums";

export const NAME_MAX = 120;
export const ROLE_MAX = 120;
export const NOTES_MAX = 5_000;
export const CADENCE_MIN = 1;
export const CADENCE_MAX = 365;

/** An id from a form or a bound action; ownership is checked in lib/stakeholders.ts. */
export const stakeholderIdSchema = idSchema("That stakeholder could not be found.");

/** Empty text becomes null, so "no notes" is stored as nothing rather than "". */
function optionalText(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => (value === "" ? null : value))
    .default(null);
}

const cadenceMessage = `Enter a whole number of days from ${CADENCE_MIN} to ${CADENCE_MAX}, or leave it empty.`;

export const stakeholderSchema = z.object({
  name: z
    .string({ error: "Enter their name." })
    .trim()
    .min(1, "Enter their name.")
    .max(NAME_MAX, `Keep the name under ${NAME_MAX} characters.`),
  role: optionalText(ROLE_MAX, `Keep the role under ${ROLE_MAX} characters.`),
  department: z.enum(Department, { error: "Choose a department from the list." }),
  cadenceDays: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z.coerce.number({ error: cadenceMessage }).int(cadenceMessage).min(CADENCE_MIN, cadenceMessage).max(CADENCE_MAX, cadenceMessage).nullable().default(null),
  ),
  notes: optionalText(NOTES_MAX, `Keep the notes under ${NOTES_MAX.toLocaleString("en-GB")} characters.`),
});

export type StakeholderInput = z.output<typeof stakeholderSchema>;

export const updateStakeholderSchema = stakeholderSchema.extend({ id: stakeholderIdSchema });

// ── The list: sort and filters from the URL ──────────────────────────────────

export const STAKEHOLDER_SORTS = {
  name: "Name",
  "last-met": "Last met, longest ago first",
  overdue: "Most overdue first",
} as const;

export type StakeholderSort = keyof typeof STAKEHOLDER_SORTS;

/**
 * The list's sort and filters, read from the URL. A value that does not fit
 * (an old bookmark, a hand-edited link) falls back rather than failing the page.
 */
export const stakeholderFiltersSchema = z.object({
  sort: z
    .enum(Object.keys(STAKEHOLDER_SORTS) as [StakeholderSort, ...StakeholderSort[]])
    .default("name")
    .catch("name"),
  department: z.enum(Department).optional().catch(undefined),
  overdue: z
    .string()
    .optional()
    .transform((value) => value === "1" || value === "true" || value === "on")
    .catch(false),
});

export type StakeholderFilters = z.output<typeof stakeholderFiltersSchema>;

// ── Cadence: who is overdue ──────────────────────────────────────────────────

export type CadenceStatus = {
  /** Whole days since the last touchpoint, or null when never met. */
  daysSinceLastMet: number | null;
  /** The day the next touchpoint is due (last met + cadence), when both are known. */
  dueOn: DateOnly | null;
  /** More days have passed than the cadence allows, or never met while a cadence is set. */
  overdue: boolean;
};

/** Where a stakeholder stands against their desired cadence, on `today` in the viewer's zone. */
export function cadenceStatus({ cadenceDays, lastMetOn }: { cadenceDays: number | null; lastMetOn: DateOnly | null }, today: DateOnly): CadenceStatus {
  const daysSinceLastMet = lastMetOn === null ? null : daysBetween(lastMetOn, today);
  if (cadenceDays === null) return { daysSinceLastMet, dueOn: null, overdue: false };
  if (lastMetOn === null || daysSinceLastMet === null) return { daysSinceLastMet, dueOn: null, overdue: true };
  return { daysSinceLastMet, dueOn: addDaysTo(lastMetOn, cadenceDays), overdue: daysSinceLastMet > cadenceDays };
}

type Sortable = { name: string; cadenceDays: number | null; lastMetOn: DateOnly | null; daysSinceLastMet: number | null };

/**
 * How pressing a catch-up is: never met with a cadence first, then by days
 * past the cadence (negative while still within it); no cadence, never pressing.
 */
function urgencyOf(item: Sortable): number {
  if (item.cadenceDays === null) return Number.NEGATIVE_INFINITY;
  if (item.daysSinceLastMet === null) return Number.POSITIVE_INFINITY;
  return item.daysSinceLastMet - item.cadenceDays;
}

const byName = (a: Sortable, b: Sortable) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/** A sorted copy; ties fall back to the name so the order is stable. */
export function sortStakeholders<T extends Sortable>(items: readonly T[], sort: StakeholderSort): T[] {
  const sorted = [...items];
  if (sort === "name") return sorted.sort(byName);
  if (sort === "last-met") {
    // Never met first, then the longest ago: the people to call next.
    return sorted.sort((a, b) => (a.lastMetOn ?? "").localeCompare(b.lastMetOn ?? "") || byName(a, b));
  }
  return sorted.sort((a, b) => {
    const ua = urgencyOf(a);
    const ub = urgencyOf(b);
    return ua === ub ? byName(a, b) : ub > ua ? 1 : -1;
  });
}
