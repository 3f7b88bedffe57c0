// The SQL aggregation against a straightforward in-memory computation over
// the same generated rows: random zones, week starts, ranges and "now".
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { RANGES, type RangeKey } from "@/lib/dashboard/view";
import { bucketOf } from "@/lib/dashboard/windows";
import type { DashboardModel } from "@/lib/dashboard/figures";
import { addDaysTo, todayIn, type DateOnly } from "@/lib/shared/dates";
import { weekStartOf } from "@/lib/shared/week-dates";
import type { Department, Horizon, VisionNoteStatus } from "@/lib/generated/prisma/enums";
import { createStakeholders, createTouchpoints, createVisionNotes, createWeeks, setGoals } from "../support/factories/dashboard";
import { createUser } from "../support/factories/users";

const ZONES = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "Australia/Lord_Howe"];
const DEPARTMENTS: Department[] = ["SALES", "FINANCE", "PRODUCT", "LEGAL", "BOARD"];
const HORIZONS: Horizon[] = ["QUARTER", "ONE_YEAR", "THREE_YEARS", "FIVE_YEARS"];
const STATUSES: VisionNoteStatus[] = ["OPEN", "IN_PROGRESS", "REALISED", "DROPPED"];
const HOUR = 3_600_000;

const quarterHours = fc.integer({ min: 0, max: 200 }).map((n) => n * 15);
const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });

const scenario = fc.record({
  now: fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }),
  timeZone: fc.constantFrom(...ZONES),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  range: fc.constantFrom(...(Object.keys(RANGES) as RangeKey[])),
  goal: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
  goalDepartments: fc.subarray(DEPARTMENTS),
  // Weeks back from the current one; -1 is next week, planned ahead.
  weeks: fc.uniqueArray(
    fc.record({ back: fc.integer({ min: -1, max: 70 }), ff: quarterHours, st: quarterHours, ot: quarterHours, r1: rating, r2: rating, r3: rating, r4: rating }),
    { selector: (w) => w.back, maxLength: 40 },
  ),
  stakeholders: fc.array(
    fc.record({
      department: fc.constantFrom(...DEPARTMENTS),
      cadenceDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
      deleted: fc.boolean(),
      // When they were added: the cadence counts from then when that is later than the last touchpoint.
      addedHoursBack: fc.integer({ min: 0, max: 2_000 }),
    }),
    { maxLength: 4 },
  ),
  touchpoints: fc.array(
    fc.record({ daysBack: fc.integer({ min: -3, max: 500 }), department: fc.constantFrom(...DEPARTMENTS), stakeholder: fc.option(fc.nat(3), { nil: null }), deleted: fc.boolean() }),
    { maxLength: 30 },
  ),
  notes: fc.array(
    fc.record({
      hoursBack: fc.integer({ min: 0, max: 12_000 }),
      horizon: fc.constantFrom(...HORIZONS),
      status: fc.constantFrom(...STATUSES),
      revisitIn: fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
      deleted: fc.boolean(),
      revisitsHoursBack: fc.array(fc.integer({ min: 0, max: 12_000 }), { maxLength: 2 }),
    }),
    { maxLength: 12 },
  ),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** A touchpoint with a stakeholder takes the stakeholder's department, as the app does; links to missing ones are dropped. */
function normalise(s: Scenario): Scenario {
  return {
    ...s,
    touchpoints: s.touchpoints.map((t) => {
      const stakeholder = t.stakeholder === null ? undefined : s.stakeholders[t.stakeholder];
      return stakeholder ? { ...t, department: stakeholder.department } : { ...t, stakeholder: null };
    }),
  };
}

/** What the dashboard should show, computed the obvious way from the generated rows. */
function expected(s: Scenario, model: DashboardModel) {
  const { window } = model;
  const cw = window.currentWeekStart;
  const inRange = (day: DateOnly) => window.from === null || day >= window.from;
  const weeks = s.weeks.map((w) => ({ ...w, startsOn: addDaysTo(cw, -7 * w.back), total: w.ff + w.st + w.ot })).filter((w) => w.startsOn <= cw);

  const time = new Map<string, { ff: number; st: number; ot: number; ratings: Array<Array<number>> }>();
  for (const w of weeks.filter((w) => inRange(w.startsOn))) {
    const entry = time.get(bucketOf(w.startsOn, window)) ?? { ff: 0, st: 0, ot: 0, ratings: [[], [], [], []] };
    entry.ff += w.ff;
    entry.st += w.st;
    entry.ot += w.ot;
    [w.r1, w.r2, w.r3, w.r4].forEach((r, i) => r !== null && entry.ratings[i]!.push(r));
    time.set(bucketOf(w.startsOn, window), entry);
  }

  const share = (rows: typeof weeks) => {
    const total = rows.reduce((sum, w) => sum + w.total, 0);
    return total === 0 ? null : rows.reduce((sum, w) => sum + w.st, 0) / total;
  };
  const logged = new Set(weeks.map((w) => w.startsOn));
  let streak = 0;
  for (let week = logged.has(cw) ? cw : addDaysTo(cw, -7); logged.has(week); week = addDaysTo(week, -7)) streak += 1;
  let underTargetRun = 0;
  if (s.goal !== null) {
    for (const w of [...weeks].filter((w) => w.total > 0).sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1))) {
      if (w.st * 100 >= s.goal * w.total) break;
      underTargetRun += 1;
    }
  }

  const touchpoints = s.touchpoints.map((t) => ({ ...t, occurredOn: addDaysTo(window.today, -t.daysBack) })).filter((t) => !t.deleted);
  const coverage = new Map<string, number>();
  for (const t of touchpoints.filter((t) => t.occurredOn <= window.today && inRange(t.occurredOn))) {
    const key = `${bucketOf(t.occurredOn, window)} ${t.department}`;
    coverage.set(key, (coverage.get(key) ?? 0) + 1);
  }
  const thisMonth = touchpoints.filter((t) => t.occurredOn >= window.monthStart && t.occurredOn <= window.today);
  const localDay = (hoursBack: number) => todayIn(window.timeZone, new Date(s.now.getTime() - hoursBack * HOUR));
  const overdue = s.stakeholders.filter((stakeholder, index) => {
    if (stakeholder.deleted || stakeholder.cadenceDays === null) return false;
    const met = touchpoints.filter((t) => t.stakeholder === index).map((t) => t.occurredOn).sort().at(-1);
    const added = localDay(stakeholder.addedHoursBack);
    const since = met !== undefined && met > added ? met : added;
    return since < addDaysTo(window.today, -stakeholder.cadenceDays);
  }).length;

  const notes = s.notes.filter((n) => !n.deleted);
  const vision = new Map<string, { written: number; revisited: number }>();
  const add = (day: DateOnly, horizon: Horizon, field: "written" | "revisited") => {
    if (!inRange(day)) return;
    const key = `${bucketOf(day, window)} ${horizon}`;
    const entry = vision.get(key) ?? { written: 0, revisited: 0 };
    entry[field] += 1;
    vision.set(key, entry);
  };
  for (const note of notes) {
    add(localDay(note.hoursBack), note.horizon, "written");
    for (const back of note.revisitsHoursBack) add(localDay(back), note.horizon, "revisited");
  }

  return {
    time,
    thisWeekShare: share(weeks.filter((w) => w.startsOn === cw)),
    last4: share(weeks.filter((w) => w.startsOn >= addDaysTo(cw, -21))),
    last12: share(weeks.filter((w) => w.startsOn >= addDaysTo(cw, -77))),
    streak,
    underTargetRun,
    coverage,
    touchpointsThisMonth: thisMonth.length,
    monthDepartments: new Set(thisMonth.map((t) => t.department)),
    overdue,
    due: notes.filter((n) => n.revisitIn !== null && addDaysTo(window.today, n.revisitIn) <= window.today && (n.status === "OPEN" || n.status === "IN_PROGRESS")).length,
    vision,
  };
}

async function seed(s: Scenario) {
  const user = await createUser({ timeZone: s.timeZone, weekStartsOn: s.weekStartsOn });
  await setGoals(user.id, { goalStrategySharePercent: s.goal, goalDepartments: s.goalDepartments });
  // Rows keyed by the same calendar the dashboard computes for this user and "now".
  const today = todayIn(s.timeZone, s.now);
  const cw = weekStartOf(today, s.weekStartsOn);
  await createWeeks(
    user.id,
    s.weeks.map((w) => ({
      startsOn: addDaysTo(cw, -7 * w.back),
      firefightingMinutes: w.ff,
      strategyMinutes: w.st,
      otherMinutes: w.ot,
      ratingStrategy: w.r1,
      ratingStory: w.r2,
      ratingRelationships: w.r3,
      ratingVision: w.r4,
    })),
  );
  const stakeholderIds = await createStakeholders(
    user.id,
    s.stakeholders.map((st) => ({
      department: st.department,
      cadenceDays: st.cadenceDays,
      deletedAt: st.deleted ? s.now : null,
      createdAt: new Date(s.now.getTime() - st.addedHoursBack * HOUR),
    })),
  );
  await createTouchpoints(
    user.id,
    s.touchpoints.map((t) => {
      return {
        occurredOn: addDaysTo(today, -t.daysBack),
        department: t.department,
        stakeholderId: t.stakeholder === null ? null : stakeholderIds[t.stakeholder],
        deletedAt: t.deleted ? s.now : null,
      };
    }),
  );
  await createVisionNotes(
    user.id,
    s.notes.map((n) => ({
      horizon: n.horizon,
      status: n.status,
      createdAt: new Date(s.now.getTime() - n.hoursBack * HOUR),
      revisitOn: n.revisitIn === null ? null : addDaysTo(today, n.revisitIn),
      deletedAt: n.deleted ? s.now : null,
      revisitedAt: n.revisitsHoursBack.map((back) => new Date(s.now.getTime() - back * HOUR)),
    })),
  );
  return user;
}

function closeOrNull(actual: number | null, wanted: number | null) {
  if (wanted === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(wanted, 9);
}

describe("dashboard aggregation", () => {
  it("matches an in-memory computation on generated data", async () => {
    // Someone else's rows on the same days must never show up.
    const other = await createUser({ timeZone: "UTC" });
    await createWeeks(other.id, [{ startsOn: todayIn("UTC"), strategyMinutes: 600 }]);

    await fc.assert(
      fc.asyncProperty(scenario.map(normalise), async (s) => {
        const user = await seed(s);
        const model = await getDashboard(user.viewer, s.range, s.now);
        const want = expected(s, model);

        for (const point of model.time.points) {
          const entry = want.time.get(point.bucket.key);
          expect(point.logged).toBe(entry !== undefined);
          expect([point.firefighting * 60, point.strategy * 60, point.other * 60].map(Math.round)).toEqual(entry ? [entry.ff, entry.st, entry.ot] : [0, 0, 0]);
          const ratings = model.ratings.points.find((p) => p.bucket.key === point.bucket.key)!;
          (["strategy", "story", "relationships", "vision"] as const).forEach((key, i) => {
            const values = entry?.ratings[i] ?? [];
            closeOrNull(ratings[key], values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
          });
        }
        expect(model.time.points.filter((p) => p.logged)).toHaveLength(want.time.size);

        closeOrNull(model.headline.thisWeek.share, want.thisWeekShare);
        closeOrNull(model.headline.last4.share, want.last4);
        closeOrNull(model.headline.last12.share, want.last12);
        expect(model.headline.streakWeeks).toBe(want.streak);
        expect(model.goals.strategyShare?.underTargetRun ?? 0).toBe(want.underTargetRun);

        const coverage = new Map<string, number>();
        for (const column of model.coverage.columns) {
          for (const [department, count] of Object.entries(column.byDepartment)) if (count > 0) coverage.set(`${column.bucket.key} ${department}`, count);
        }
        expect(coverage).toEqual(want.coverage);
        expect(model.headline.touchpointsThisMonth).toBe(want.touchpointsThisMonth);
        expect(model.headline.overdueStakeholders).toBe(want.overdue);
        expect(model.goals.departments?.covered ?? []).toEqual(DEPARTMENTS.filter((d) => s.goalDepartments.includes(d) && want.monthDepartments.has(d)).sort(byVocabulary));

        const vision = new Map<string, { written: number; revisited: number }>();
        for (const point of model.vision.points) {
          for (const horizon of HORIZONS) {
            const written = point.written[horizon];
            const revisited = point.revisited[horizon];
            if (written + revisited > 0) vision.set(`${point.bucket.key} ${horizon}`, { written, revisited });
          }
        }
        expect(vision).toEqual(want.vision);
        expect(model.headline.notesDueForRevisit).toBe(want.due);
      }),
      { numRuns: 25 },
    );
  });
});

const ORDER: Department[] = ["SALES", "MARKETING", "OPERATIONS", "FINANCE", "PRODUCT", "CUSTOMER_SUCCESS", "PEOPLE", "LEGAL", "EXECUTIVE", "BOARD", "OTHER"];
function byVocabulary(a: Department, b: Department) {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}
