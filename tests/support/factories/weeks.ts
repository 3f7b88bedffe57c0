import { db } from "@/lib/server/db";
import { fromDateOnly, type DateOnly } from "@/lib/shared/dates";
import { NO_REFLECTIONS } from "@/lib/shared/reflection-questions";
import type { Viewer } from "@/lib/server/viewer";
import type { WeekInput } from "@/lib/weeks.validation";

/** A valid save of a week, as the schema hands it to lib/weeks.ts. */
export function weekInput(overrides: Partial<WeekInput> & { startsOn: DateOnly }): WeekInput {
  return {
    version: 0,
    firefightingMinutes: 20 * 60,
    strategyMinutes: 8 * 60,
    otherMinutes: 12 * 60,
    ...NO_REFLECTIONS,
    ...overrides,
  };
}

/** A saved week straight in the database (version 1 unless told), for tests that start from one. */
export async function createWeek(owner: Viewer, overrides: Partial<WeekInput> & { startsOn: DateOnly }) {
  const { startsOn, version, ...values } = weekInput(overrides);
  return db.week.create({
    data: { ...values, userId: owner.userId, startsOn: fromDateOnly(startsOn), version: version === 0 ? 1 : version },
  });
}
