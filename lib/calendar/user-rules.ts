import "server-only";
import {
  calendarRuleSchema,
  calendarRulesSchema,
  MAX_RULES,
  STARTER_RULES,
  titleKey,
  type CalendarCategory,
  type CalendarRule,
  type CalendarRules,
} from "@/lib/calendar/rules.validation";
import type { RuleFormInput } from "@/lib/calendar/imports.validation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

// The viewer's classification rules: one ordered list per user, read and
// written whole (a leader has a handful of rules, not thousands). A user who
// never saved any is offered the starter rules; their first change saves them.

export type UserRules = CalendarRules & { starter: boolean };

/** The database, or the transaction a change of the rules is part of. */
type Client = Pick<Prisma.TransactionClient, "calendarRules">;

export async function getCalendarRules(viewer: Viewer, client: Client = db): Promise<UserRules> {
  const row = await client.calendarRules.findUnique({ where: { userId: viewer.userId }, select: { rules: true, defaultCategory: true } });
  if (!row) return { ...STARTER_RULES, starter: true };
  // Parsed on every read: a stored rule that no longer fits the schema is left out rather than failing the import.
  const rules = (Array.isArray(row.rules) ? row.rules : []).flatMap((rule) => {
    const parsed = calendarRuleSchema.safeParse(rule);
    return parsed.success ? [parsed.data] : [];
  });
  const parsed = calendarRulesSchema.safeParse({ rules, defaultCategory: row.defaultCategory });
  return { ...(parsed.success ? parsed.data : { rules, defaultCategory: "other" as const }), starter: false };
}

async function changeRules(viewer: Viewer, change: (current: CalendarRules) => CalendarRules, client: Client = db): Promise<void> {
  const { rules, defaultCategory } = await getCalendarRules(viewer, client);
  const next = change({ rules, defaultCategory });
  if (next.rules.length > MAX_RULES) throw new ExpectedError(`Keep at most ${MAX_RULES} rules.`);
  const data = { rules: next.rules, defaultCategory: next.defaultCategory };
  await client.calendarRules.upsert({ where: { userId: viewer.userId }, create: { userId: viewer.userId, ...data }, update: data });
}

const RULE = "That rule";

function at(rules: readonly CalendarRule[], position: number): CalendarRule {
  const rule = rules[position];
  if (!rule) throw new NotFoundError(RULE);
  return rule;
}

/** Adds a rule at the end, or replaces the one at `position`. */
export async function saveRule(viewer: Viewer, { match, category, position }: RuleFormInput): Promise<void> {
  await changeRules(viewer, (current) => {
    const rule = { match, category };
    if (position === undefined) return { ...current, rules: [...current.rules, rule] };
    at(current.rules, position);
    return { ...current, rules: current.rules.map((existing, index) => (index === position ? rule : existing)) };
  });
}

export async function deleteRule(viewer: Viewer, position: number): Promise<void> {
  await changeRules(viewer, (current) => {
    at(current.rules, position);
    return { ...current, rules: current.rules.filter((_, index) => index !== position) };
  });
}

/** Moves a rule one place up or down: earlier rules win. */
export async function moveRule(viewer: Viewer, position: number, direction: "up" | "down"): Promise<void> {
  await changeRules(viewer, (current) => {
    at(current.rules, position);
    const other = direction === "up" ? position - 1 : position + 1;
    if (other < 0 || other >= current.rules.length) return current;
    const rules = [...current.rules];
    [rules[position], rules[other]] = [rules[other]!, rules[position]!];
    return { ...current, rules };
  });
}

export async function setDefaultCategory(viewer: Viewer, defaultCategory: CalendarCategory): Promise<void> {
  await changeRules(viewer, (current) => ({ ...current, defaultCategory }));
}

/**
 * Puts a rule for one title first (a series the leader reclassified in a
 * preview beats the word rules), in place of an earlier rule for that title.
 */
export async function putTitleRuleFirst(viewer: Viewer, title: string, category: CalendarCategory, client: Client = db): Promise<CalendarRule> {
  const rule: CalendarRule = { match: { on: "title", title }, category };
  const sameTitle = (existing: CalendarRule) => existing.match.on === "title" && titleKey(existing.match.title) === titleKey(title);
  await changeRules(viewer, (current) => ({ ...current, rules: [rule, ...current.rules.filter((existing) => !sameTitle(existing))] }), client);
  return rule;
}
