import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { confirmImport, createPendingImport, getPendingImport, getPendingImportWeek, listImports, reclassifyEvent, undoImport } from "@/lib/calendar/imports";
import type { WeekChoice } from "@/lib/calendar/imports.validation";
import { STARTER_RULES } from "@/lib/calendar/rules.validation";
import { getCalendarRules, saveRule } from "@/lib/calendar/user-rules";
import { NotFoundError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { toDateOnly } from "@/lib/shared/dates";
import { getStakeholder } from "@/lib/stakeholders";
import type { Viewer } from "@/lib/server/viewer";
import { icsBytes, type IcsEvent } from "../support/calendar-ics";
import { createStakeholder } from "../support/factories/stakeholders";
import { createUser } from "../support/factories/users";
import { createWeek } from "../support/factories/weeks";
import { recordStatements, type SentStatement } from "../support/statements";

// Thursday 26 Nov 2026, 13:00 in Berlin: this week starts Monday 23 Nov; the
// window starts on Monday 31 Aug (12 whole weeks before).
const now = new Date("2026-11-26T12:00:00Z");
const at = (iso: string) => new Date(iso);
const SAM = "sam@sales.example";

/** A calendar over three past weeks, one event ahead, and a 1:1 and a meeting with Sam. */
function calendar(me: string, overrides: { oneOnOneTitle?: string } = {}): IcsEvent[] {
  return [
    { uid: "incident-1", start: at("2026-11-16T09:00:00Z"), end: at("2026-11-16T11:00:00Z"), title: "Incident review: checkout outage" },
    { uid: "roadmap-1", start: at("2026-11-17T08:00:00Z"), end: at("2026-11-17T11:00:00Z"), title: "Roadmap planning" },
    { uid: "sync-1", start: at("2026-11-18T08:00:00Z"), end: at("2026-11-18T09:00:00Z"), title: "Team sync" },
    {
      uid: "one-on-one",
      start: at("2026-11-10T13:00:00Z"),
      end: at("2026-11-10T13:30:00Z"),
      title: overrides.oneOnOneTitle ?? "Sam / me",
      organizer: me,
      attendees: [me, SAM],
    },
    {
      uid: "pipeline",
      start: at("2026-11-03T09:00:00Z"),
      end: at("2026-11-03T10:00:00Z"),
      title: "Pipeline review",
      organizer: "head@sales.example",
      attendees: [me, SAM, "ana@sales.example"],
    },
    // A weekly series with its second occurrence cancelled.
    { uid: "strategy-weekly", start: at("2026-11-02T14:00:00Z"), end: at("2026-11-02T15:00:00Z"), title: "Strategy hour", rrule: "FREQ=WEEKLY;COUNT=3" },
    { uid: "strategy-weekly", start: at("2026-11-09T14:00:00Z"), end: at("2026-11-09T15:00:00Z"), title: "Strategy hour", recurrenceId: at("2026-11-09T14:00:00Z"), status: "CANCELLED" },
    // Tomorrow: neither hours nor a touchpoint.
    { uid: "future", start: at("2026-11-27T09:00:00Z"), end: at("2026-11-27T10:00:00Z"), title: "Sam catch-up", attendees: [me, SAM] },
  ];
}

async function leader() {
  const user = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
  const sam = await createStakeholder(user.id, { name: "Sam Seller", department: "SALES" });
  await db.stakeholder.update({ where: { id: sam.id }, data: { email: SAM } });
  return { ...user, sam };
}

async function upload(viewer: Viewer, events: IcsEvent[], when = now) {
  return createPendingImport(viewer, { name: "calendar.ics", bytes: icsBytes(events) }, when);
}

async function importAndConfirm(viewer: Viewer, events: IcsEvent[], choices: Record<string, WeekChoice> = {}) {
  const { id } = await upload(viewer, events);
  const result = await confirmImport(viewer, { id, choices }, now);
  return { id, ...result };
}

/** What an import may change: the user's weeks and touchpoints, without ids and clocks. */
async function state(userId: string) {
  const [weeks, touchpoints] = await Promise.all([
    db.week.findMany({
      where: { userId },
      orderBy: { startsOn: "asc" },
      select: { startsOn: true, firefightingMinutes: true, strategyMinutes: true, otherMinutes: true, highlights: true },
    }),
    db.touchpoint.findMany({
      where: { userId },
      orderBy: [{ occurredOn: "asc" }, { topic: "asc" }],
      select: { stakeholderId: true, occurredOn: true, channel: true, topic: true, deletedAt: true, department: true },
    }),
  ]);
  return {
    weeks: weeks.map((week) => ({ ...week, startsOn: toDateOnly(week.startsOn) })),
    touchpoints: touchpoints.map((touchpoint) => ({ ...touchpoint, occurredOn: toDateOnly(touchpoint.occurredOn) })),
  };
}

const hours = (firefighting: number, strategy: number, other: number) => ({
  firefightingMinutes: firefighting * 60,
  strategyMinutes: strategy * 60,
  otherMinutes: other * 60,
});

describe("calendar import", () => {
  it("previews per week and per event without changing anything", async () => {
    const ada = await leader();
    await createWeek(ada.viewer, { startsOn: "2026-11-09", ...hours(1, 1, 1) });
    const before = await state(ada.id);

    const { id } = await upload(ada.viewer, calendar(ada.email));
    const pending = await getPendingImport(ada.viewer, id);

    expect(await state(ada.id)).toEqual(before);
    expect(pending?.preview.weeks.map(({ startsOn, calendar, logged, origin }) => ({ startsOn, calendar, logged, origin }))).toEqual([
      { startsOn: "2026-11-02", calendar: { firefighting: 0, strategy: 60, other: 60 }, logged: { firefighting: 0, strategy: 0, other: 0 }, origin: "empty" },
      { startsOn: "2026-11-09", calendar: { firefighting: 0, strategy: 0, other: 30 }, logged: { firefighting: 60, strategy: 60, other: 60 }, origin: "hand" },
      { startsOn: "2026-11-16", calendar: { firefighting: 120, strategy: 240, other: 60 }, logged: { firefighting: 0, strategy: 0, other: 0 }, origin: "empty" },
    ]);
    expect(pending?.preview.weeks[2]?.events.map((event) => [event.title, event.category, event.minutes])).toEqual([
      ["Incident review: checkout outage", "firefighting", 120],
      ["Roadmap planning", "strategy", 180],
      ["Strategy hour", "strategy", 60],
      ["Team sync", "other", 60],
    ]);
    expect(pending?.preview.touchpoints.map(({ occurredOn, channel, topic, stakeholderName, state }) => ({ occurredOn, channel, topic, stakeholderName, state }))).toEqual([
      { occurredOn: "2026-11-03", channel: "MEETING", topic: "Pipeline review", stakeholderName: "Sam Seller", state: "new" },
      { occurredOn: "2026-11-10", channel: "ONE_ON_ONE", topic: "Sam / me", stakeholderName: "Sam Seller", state: "new" },
    ]);
  });

  it("fills empty weeks by default, never a week logged by hand, and creates the touchpoints", async () => {
    const ada = await leader();
    await createWeek(ada.viewer, { startsOn: "2026-11-09", ...hours(1, 1, 1), highlights: "Logged by hand" });

    const result = await importAndConfirm(ada.viewer, calendar(ada.email));

    expect(result).toMatchObject({ weeks: 2, touchpoints: 2 });
    const after = await state(ada.id);
    expect(after.weeks).toEqual([
      { startsOn: "2026-11-02", firefightingMinutes: 0, strategyMinutes: 60, otherMinutes: 60, highlights: null },
      { startsOn: "2026-11-09", ...hours(1, 1, 1), highlights: "Logged by hand" },
      { startsOn: "2026-11-16", firefightingMinutes: 120, strategyMinutes: 240, otherMinutes: 60, highlights: null },
    ]);
    expect(after.touchpoints.map(({ occurredOn, channel, topic, stakeholderId }) => [occurredOn, channel, topic, stakeholderId])).toEqual([
      ["2026-11-03", "MEETING", "Pipeline review", ada.sam.id],
      ["2026-11-10", "ONE_ON_ONE", "Sam / me", ada.sam.id],
    ]);
    // Last met follows the touchpoints; the future catch-up does not count.
    expect((await getStakeholder(ada.viewer, ada.sam.id, { now }))?.lastMetOn).toBe("2026-11-10");
    // The events themselves are not kept once confirmed.
    expect(await db.calendarImport.findUniqueOrThrow({ where: { id: result.id }, select: { occurrences: true, status: true } })).toEqual({ occurrences: null, status: "CONFIRMED" });
  });

  it("replaces a hand-logged week only when asked, and skips a week when asked", async () => {
    const ada = await leader();
    await createWeek(ada.viewer, { startsOn: "2026-11-09", ...hours(1, 1, 1), highlights: "Logged by hand" });

    await importAndConfirm(ada.viewer, calendar(ada.email), { "2026-11-09": "replace", "2026-11-16": "skip" });

    const after = await state(ada.id);
    expect(after.weeks).toEqual([
      { startsOn: "2026-11-02", firefightingMinutes: 0, strategyMinutes: 60, otherMinutes: 60, highlights: null },
      // The hours are the calendar's; the words stay.
      { startsOn: "2026-11-09", firefightingMinutes: 0, strategyMinutes: 0, otherMinutes: 30, highlights: "Logged by hand" },
    ]);
    const week = await db.week.findFirstOrThrow({ where: { userId: ada.id, startsOn: new Date("2026-11-09") }, select: { version: true } });
    // A form opened before the import cannot overwrite it unseen.
    expect(week.version).toBe(2);
  });

  it("changes nothing the second time the same file is imported, and updates what an edited event proposed", async () => {
    const ada = await leader();
    await importAndConfirm(ada.viewer, calendar(ada.email));
    const once = await state(ada.id);

    const again = await importAndConfirm(ada.viewer, calendar(ada.email), { "2026-11-02": "replace", "2026-11-16": "replace" });
    expect(again).toMatchObject({ weeks: 0, touchpoints: 0 });
    expect(await state(ada.id)).toEqual(once);

    const edited = await importAndConfirm(ada.viewer, calendar(ada.email, { oneOnOneTitle: "Sam / me: pricing" }));
    expect(edited).toMatchObject({ weeks: 0, touchpoints: 1 });
    const topics = (await state(ada.id)).touchpoints.map((touchpoint) => touchpoint.topic);
    expect(topics).toEqual(["Pipeline review", "Sam / me: pricing"]);
  });

  it("importing twice equals importing once, whatever the choices (property)", async () => {
    const ada = await leader();
    const choice = fc.constantFrom<WeekChoice>("fill", "replace", "skip");
    const choices = fc.record({ "2026-11-02": choice, "2026-11-09": choice, "2026-11-16": choice });
    await fc.assert(
      fc.asyncProperty(choices, fc.boolean(), async (picked, handLogged) => {
        await db.calendarImport.deleteMany({ where: { userId: ada.id } });
        await db.touchpoint.deleteMany({ where: { userId: ada.id } });
        await db.week.deleteMany({ where: { userId: ada.id } });
        if (handLogged) await createWeek(ada.viewer, { startsOn: "2026-11-09", ...hours(1, 1, 1) });
        await importAndConfirm(ada.viewer, calendar(ada.email), picked);
        const once = await state(ada.id);
        await importAndConfirm(ada.viewer, calendar(ada.email), picked);
        expect(await state(ada.id)).toEqual(once);
      }),
      { numRuns: 12, seed: 15 },
    );
  });

  it("undoes an import as a whole: its touchpoints go and its weeks are back as they were", async () => {
    const ada = await leader();
    await createWeek(ada.viewer, { startsOn: "2026-11-09", ...hours(1, 1, 1), highlights: "Logged by hand" });
    await createWeek(ada.viewer, { startsOn: "2026-11-16", firefightingMinutes: 0, strategyMinutes: 0, otherMinutes: 0, highlights: "Words, no hours" });
    const before = await state(ada.id);

    const { id } = await importAndConfirm(ada.viewer, calendar(ada.email), { "2026-11-09": "replace" });
    expect(await state(ada.id)).not.toEqual(before);
    expect((await getStakeholder(ada.viewer, ada.sam.id, { now }))?.lastMetOn).toBe("2026-11-10");

    expect(await undoImport(ada.viewer, id, now)).toEqual({ weeksKept: 0 });
    expect(await state(ada.id)).toEqual(before);
    expect((await getStakeholder(ada.viewer, ada.sam.id, { now }))?.lastMetOn).toBeNull();
    expect((await listImports(ada.viewer)).map((row) => row.status)).toEqual(["UNDONE"]);
    // Undone once is undone.
    await expect(undoImport(ada.viewer, id, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("undoing a later import puts back what an earlier one wrote, and undo keeps a week changed by hand since", async () => {
    const ada = await leader();
    const first = await importAndConfirm(ada.viewer, calendar(ada.email));
    const afterFirst = await state(ada.id);
    const second = await importAndConfirm(ada.viewer, calendar(ada.email, { oneOnOneTitle: "Sam / me: pricing" }));
    await undoImport(ada.viewer, second.id, now);
    expect(await state(ada.id)).toEqual(afterFirst);

    await db.week.update({ where: { userId_startsOn: { userId: ada.id, startsOn: new Date("2026-11-16") } }, data: { otherMinutes: 9 * 60 } });
    expect(await undoImport(ada.viewer, first.id, now)).toEqual({ weeksKept: 1 });
    expect((await state(ada.id)).weeks).toEqual([{ startsOn: "2026-11-16", firefightingMinutes: 120, strategyMinutes: 240, otherMinutes: 9 * 60, highlights: null }]);
  });

  it("changes nothing when the confirm fails part way", async () => {
    const ada = await leader();
    const before = await state(ada.id);
    const { id } = await upload(ada.viewer, calendar(ada.email));
    // Touchpoints are written after the weeks: make the first one fail.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_touchpoint() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_touchpoint BEFORE INSERT ON "Touchpoint" FOR EACH ROW EXECUTE FUNCTION refuse_touchpoint()`);
    try {
      await expect(confirmImport(ada.viewer, { id, choices: {} }, now)).rejects.toThrow(/refused by the test/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_touchpoint ON "Touchpoint"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_touchpoint()`);
    }
    expect(await state(ada.id)).toEqual(before);
    expect(await db.calendarImportWeek.count()).toBe(0);
    // Still pending: it can be confirmed once the fault is gone.
    expect(await getPendingImport(ada.viewer, id)).not.toBeNull();
    expect(await confirmImport(ada.viewer, { id, choices: {} }, now)).toMatchObject({ weeks: 3, touchpoints: 2 });
  });

  it("refuses a file that is not a calendar and keeps nothing", async () => {
    const ada = await leader();
    await expect(createPendingImport(ada.viewer, { name: "notes.ics", bytes: new TextEncoder().encode("hello") }, now)).rejects.toThrow(/not a calendar file/);
    expect(await db.calendarImport.count({ where: { userId: ada.id } })).toBe(0);
  });

  it("classifies with the user's rules as they are at the preview", async () => {
    const ada = await leader();
    expect((await getCalendarRules(ada.viewer)).starter).toBe(true);
    const { id } = await upload(ada.viewer, calendar(ada.email));
    await saveRule(ada.viewer, { match: { on: "words", words: ["sync"] }, category: "ignore", position: undefined });
    const pending = await getPendingImport(ada.viewer, id);
    expect(pending?.preview.weeks.find((week) => week.startsOn === "2026-11-16")?.calendar).toEqual({ firefighting: 120, strategy: 240, other: 0 });
    expect((await getCalendarRules(ada.viewer)).rules.at(-1)).toEqual({ match: { on: "words", words: ["sync"] }, category: "ignore" });
  });

  it("reclassifies one event, then its whole series by a title rule put first, and the preview follows", async () => {
    const ada = await leader();
    const { id } = await upload(ada.viewer, calendar(ada.email));
    const weekOf = async (startsOn: string) => (await getPendingImport(ada.viewer, id))?.preview.weeks.find((week) => week.startsOn === startsOn);
    // "Strategy hour" is weekly: 2 Nov and 16 Nov (9 Nov is cancelled).
    const series = (await weekOf("2026-11-02"))!.events.find((event) => event.title === "Strategy hour")!;
    expect(series).toMatchObject({ category: "strategy", chosen: false, sameTitle: 2 });

    await reclassifyEvent(ada.viewer, { id, event: series.key, category: "firefighting", scope: "event" });
    expect((await weekOf("2026-11-02"))?.calendar).toEqual({ firefighting: 60, strategy: 0, other: 60 });
    expect((await weekOf("2026-11-02"))?.events.find((event) => event.key === series.key)).toMatchObject({ category: "firefighting", chosen: true });
    // Only that event: the next one is still strategy, and no rule was added.
    expect((await weekOf("2026-11-16"))?.calendar).toEqual({ firefighting: 120, strategy: 240, other: 60 });
    expect((await getCalendarRules(ada.viewer)).starter).toBe(true);

    await reclassifyEvent(ada.viewer, { id, event: series.key, category: "other", scope: "series" });
    const rules = await getCalendarRules(ada.viewer);
    expect(rules.rules[0]).toEqual({ match: { on: "title", title: "Strategy hour" }, category: "other" });
    expect(rules.rules.slice(1)).toEqual(STARTER_RULES.rules);
    // The rule is first, so it beats the starter "strategy" words; the single choice it covers is gone.
    expect((await weekOf("2026-11-02"))?.calendar).toEqual({ firefighting: 0, strategy: 0, other: 120 });
    expect((await weekOf("2026-11-16"))?.calendar).toEqual({ firefighting: 120, strategy: 180, other: 120 });
    expect((await weekOf("2026-11-02"))?.events.find((event) => event.key === series.key)?.chosen).toBe(false);

    // Once more for the same series: its rule is replaced, not added twice.
    await reclassifyEvent(ada.viewer, { id, event: series.key, category: "ignore", scope: "series" });
    expect((await getCalendarRules(ada.viewer)).rules.filter((rule) => rule.match.on === "title")).toEqual([{ match: { on: "title", title: "Strategy hour" }, category: "ignore" }]);
    expect((await weekOf("2026-11-02"))?.calendar).toEqual({ firefighting: 0, strategy: 0, other: 60 });

    // What is confirmed is what the preview showed.
    expect(await confirmImport(ada.viewer, { id, choices: {} }, now)).toMatchObject({ weeks: 3 });
    expect((await state(ada.id)).weeks.find((week) => week.startsOn === "2026-11-02")).toMatchObject({ strategyMinutes: 0, otherMinutes: 60 });
  });

  it("reads one week's events for the owner alone, ignored ones listed so they can be brought back", async () => {
    const ada = await leader();
    const eve = await createUser();
    const { id } = await upload(ada.viewer, calendar(ada.email));
    const titles = async (week: string) => {
      const found = await getPendingImportWeek(ada.viewer, id, week);
      return found && { events: found.events.map((event) => [event.title, event.category]), ignored: found.ignored.map((event) => [event.title, event.chosen]) };
    };
    expect(await titles("2026-11-02")).toEqual({ events: [["Pipeline review", "other"], ["Strategy hour", "strategy"]], ignored: [] });
    // A week the import does not reach holds nothing.
    expect(await titles("2026-09-07")).toEqual({ events: [], ignored: [] });

    // Ignored: out of the hours, still in its week's list, and back again from there.
    await reclassifyEvent(ada.viewer, { id, event: "pipeline", category: "ignore", scope: "event" });
    expect(await titles("2026-11-02")).toEqual({ events: [["Strategy hour", "strategy"]], ignored: [["Pipeline review", true]] });
    expect((await getPendingImport(ada.viewer, id))?.preview.weeks.find((week) => week.startsOn === "2026-11-02")?.calendar).toEqual({ firefighting: 0, strategy: 60, other: 0 });
    // A week whose only event is ignored writes nothing, and its event is still listed.
    const oneOnOne = (await getPendingImportWeek(ada.viewer, id, "2026-11-09"))!.events.find((event) => event.title === "Sam / me")!;
    await reclassifyEvent(ada.viewer, { id, event: oneOnOne.key, category: "ignore", scope: "event" });
    const pending = await getPendingImport(ada.viewer, id);
    expect(pending?.preview.weeks.map((week) => week.startsOn)).toEqual(["2026-11-02", "2026-11-16"]);
    expect(pending?.preview.ignoredWeeks.map((week) => week.startsOn)).toEqual(["2026-11-09"]);
    expect(await titles("2026-11-09")).toEqual({ events: [], ignored: [["Sam / me", true]] });
    await reclassifyEvent(ada.viewer, { id, event: oneOnOne.key, category: "strategy", scope: "event" });
    expect(await titles("2026-11-09")).toEqual({ events: [["Sam / me", "strategy"]], ignored: [] });

    // Someone else's import, or one confirmed, is not there to read.
    expect(await getPendingImportWeek(eve.viewer, id, "2026-11-02")).toBeNull();
    await confirmImport(ada.viewer, { id, choices: {} }, now);
    expect(await getPendingImportWeek(ada.viewer, id, "2026-11-02")).toBeNull();
  });

  it("keeps a built preview, without reading the events again, until what it is built from changes", async () => {
    const ada = await leader();
    const { id } = await upload(ada.viewer, calendar(ada.email));
    const eventReads = (sent: SentStatement[]) => sent.filter(({ text }) => /"occurrences".* FROM "public"\."CalendarImport"/.test(text)).length;
    const read = async () => {
      let pending: Awaited<ReturnType<typeof getPendingImport>> = null;
      const sent = await recordStatements(async () => (pending = await getPendingImport(ada.viewer, id)));
      return { reads: eventReads(sent), week: (startsOn: string) => pending!.preview.weeks.find((week) => week.startsOn === startsOn)!, pending: pending! };
    };
    expect((await read()).reads).toBe(1);
    const kept = await read();
    expect(kept.reads).toBe(0);
    expect(kept.week("2026-11-16").origin).toBe("empty");

    // A week logged by hand since (the user's data version).
    await createWeek(ada.viewer, { startsOn: "2026-11-16", ...hours(1, 0, 0) });
    const logged = await read();
    expect(logged.reads).toBe(1);
    expect(logged.week("2026-11-16").origin).toBe("hand");
    // A rule (the rules' row).
    await saveRule(ada.viewer, { match: { on: "words", words: ["sync"] }, category: "strategy", position: 0 });
    expect((await read()).week("2026-11-16").events.find((event) => event.title === "Team sync")?.category).toBe("strategy");
    // One event reclassified (the import's row).
    const incident = (await read()).week("2026-11-16").events.find((event) => event.title.startsWith("Incident"))!;
    await reclassifyEvent(ada.viewer, { id, event: incident.key, category: "other", scope: "event" });
    expect((await read()).week("2026-11-16").events.find((event) => event.key === incident.key)).toMatchObject({ category: "other", chosen: true });
    // A stakeholder's address removed (the data version again): no touchpoints proposed with them.
    expect((await read()).pending.preview.touchpoints).toHaveLength(2);
    await db.stakeholder.update({ where: { id: ada.sam.id }, data: { email: null } });
    expect((await read()).pending.preview.touchpoints).toEqual([]);
    // Confirmed: gone, kept or not.
    await confirmImport(ada.viewer, { id, choices: {} }, now);
    expect(await getPendingImport(ada.viewer, id)).toBeNull();
  });

  it("never lets another user reclassify an event, nor an event that is not in the import", async () => {
    const ada = await leader();
    const eve = await createUser();
    const { id } = await upload(ada.viewer, calendar(ada.email));
    const before = await db.calendarImport.findUniqueOrThrow({ where: { id }, select: { occurrences: true } });
    await expect(reclassifyEvent(eve.viewer, { id, event: "sync-1", category: "strategy", scope: "event" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reclassifyEvent(eve.viewer, { id, event: "sync-1", category: "strategy", scope: "series" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reclassifyEvent(ada.viewer, { id, event: "no-such-event", category: "strategy", scope: "event" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.calendarImport.findUniqueOrThrow({ where: { id }, select: { occurrences: true } })).toEqual(before);
    expect((await getCalendarRules(eve.viewer)).starter).toBe(true);
    // A confirmed import has no preview left to change.
    await confirmImport(ada.viewer, { id, choices: {} }, now);
    await expect(reclassifyEvent(ada.viewer, { id, event: "sync-1", category: "strategy", scope: "event" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("puts a day's hours in the week saved under an earlier first day of the week that holds it: never a second week, never an unseen overwrite", async () => {
    // Weeks start on Sunday now; the week of Monday 9 November was logged by hand when they started on Monday.
    const ada = await createUser({ timeZone: "UTC", weekStartsOn: 0 });
    await createWeek(ada.viewer, { startsOn: "2026-11-09", ...hours(1, 1, 1), highlights: "Logged on Mondays" });
    const events: IcsEvent[] = [
      // Sunday 8: not in the saved week, but in the Sunday week it stands in for (its page opens the saved week).
      { uid: "sun-8", start: at("2026-11-08T10:00:00Z"), end: at("2026-11-08T11:00:00Z"), title: "Team sync" },
      { uid: "mon-9", start: at("2026-11-09T09:00:00Z"), end: at("2026-11-09T10:00:00Z"), title: "Incident review" },
      // Sunday 15 ends the saved Monday week and starts a Sunday week: it counts once, in the saved week.
      { uid: "sun-15", start: at("2026-11-15T09:00:00Z"), end: at("2026-11-15T11:00:00Z"), title: "Roadmap planning" },
      { uid: "tue-17", start: at("2026-11-17T09:00:00Z"), end: at("2026-11-17T10:00:00Z"), title: "Team sync" },
    ];
    const { id } = await upload(ada.viewer, events);
    const pending = await getPendingImport(ada.viewer, id);
    expect(pending?.preview.weeks.map(({ startsOn, calendar, origin }) => ({ startsOn, calendar, origin }))).toEqual([
      { startsOn: "2026-11-09", calendar: { firefighting: 60, strategy: 120, other: 60 }, origin: "hand" },
      { startsOn: "2026-11-15", calendar: { firefighting: 0, strategy: 0, other: 60 }, origin: "empty" },
    ]);

    // Fill keeps the hand-logged week; replace writes into it, never beside it.
    await confirmImport(ada.viewer, { id, choices: {} }, now);
    expect((await state(ada.id)).weeks).toEqual([
      { startsOn: "2026-11-09", ...hours(1, 1, 1), highlights: "Logged on Mondays" },
      { startsOn: "2026-11-15", firefightingMinutes: 0, strategyMinutes: 0, otherMinutes: 60, highlights: null },
    ]);
    const again = await upload(ada.viewer, events);
    await confirmImport(ada.viewer, { id: again.id, choices: { "2026-11-09": "replace" } }, now);
    expect((await state(ada.id)).weeks).toEqual([
      { startsOn: "2026-11-09", firefightingMinutes: 60, strategyMinutes: 120, otherMinutes: 60, highlights: "Logged on Mondays" },
      { startsOn: "2026-11-15", firefightingMinutes: 0, strategyMinutes: 0, otherMinutes: 60, highlights: null },
    ]);
  });

  it("never lets another user read, confirm or undo an import", async () => {
    const ada = await leader();
    const eve = await createUser();
    const { id } = await upload(ada.viewer, calendar(ada.email));

    expect(await getPendingImport(eve.viewer, id)).toBeNull();
    await expect(confirmImport(eve.viewer, { id, choices: {} }, now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listImports(eve.viewer)).toEqual([]);

    await confirmImport(ada.viewer, { id, choices: {} }, now);
    const afterConfirm = await state(ada.id);
    await expect(undoImport(eve.viewer, id, now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await state(ada.id)).toEqual(afterConfirm);
    expect((await listImports(ada.viewer)).map((row) => row.status)).toEqual(["CONFIRMED"]);
  });
});
