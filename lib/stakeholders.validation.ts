// Stakeholder rules, shared by the form (instant feedback) and the server,
// plus the pure "who is overdue" arithmetic the list and its tests rely on.
import { z } from "zod";
import { addDaysTo, daysBetween, type DateOnly } from "@/lib/shared/dates";
import { idSchema } from "@/lib/shared/form-schemas";
import { Department } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_SORTS, type StakeholderSort } from "@/lib/shared/vocabulary";

export const NAME_MAX = 120;
export const ROLE_MAX = 120;
export const NOTES_MAX = 5_000;
export const CADENCE_MIN = 1;
export const CADENCE_MAX = 365;
export const EMAIL_MAX = 254;

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
  /** Optional; a calendar import proposes touchpoints from meetings this address attended. Stored in lower case. */
  email: z
    .string()
    .trim()
    .max(EMAIL_MAX, `Keep the email address under ${EMAIL_MAX} characters.`)
    .transform((value) => value.toLowerCase())
    .pipe(z.union([z.literal(""), z.email("Enter an email address like sam@example.com, or leave it empty.")]))
    .transform((value) => (value === "" ? null : value))
    .default(null),
});

/** What lib/stakeholders.ts takes; without `email` (callers other than the form), the saved address stays as it is. */
export type StakeholderInput = Omit<z.output<typeof stakeholderSchema>, "email"> & { email?: string | null };

export const updateStakeholderSchema = stakeholderSchema.extend({ id: stakeholderIdSchema });

// ── The list: sort and filters from the URL ──────────────────────────────────

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
  /** The day a catch-up is due (see cadenceStatus), when a cadence is set. */
  dueOn: DateOnly | null;
  /** Days since dueOn: above 0 when overdue, 0 or less while still within the cadence; null without a cadence. */
  daysPastDue: number | null;
  /** A cadence is set and its due day has passed. */
  overdue: boolean;
};

/**
 * Where a stakeholder stands against their desired cadence, on `today` in the
 * viewer's zone. The cadence counts from the later of the last touchpoint and
 * the day they were added (`addedOn`, in the viewer's zone), so someone just
 * added is not overdue before a whole cadence has passed. The dashboard's SQL
 * (lib/dashboard/dashboard.ts) counts overdue stakeholders by the same rule.
 */
export function cadenceStatus(
  { cadenceDays, lastMetOn, addedOn }: { cadenceDays: number | null; lastMetOn: DateOnly | null; addedOn: DateOnly },
  today: DateOnly,
): CadenceStatus {
  const daysSinceLastMet = lastMetOn === null ? null : daysBetween(lastMetOn, today);
  if (cadenceDays === null) return { daysSinceLastMet, dueOn: null, daysPastDue: null, overdue: false };
  const since = lastMetOn !== null && lastMetOn > addedOn ? lastMetOn : addedOn;
  const dueOn = addDaysTo(since, cadenceDays);
  const daysPastDue = daysBetween(dueOn, today);
  return { daysSinceLastMet, dueOn, daysPastDue, overdue: daysPastDue > 0 };
}

type Sortable = { name: string; lastMetOn: DateOnly | null; daysPastDue: number | null };

/** How pressing a catch-up is: the most days past due first (negative while still within it); no cadence, never pressing. */
function urgencyOf(item: Sortable): number {
  return item.daysPastDue ?? Number.NEGATIVE_INFINITY;
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
