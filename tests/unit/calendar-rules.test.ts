import { describe, expect, it } from "vitest";
import { compileRules } from "@/lib/calendar/rules";
import { calendarRulesSchema, STARTER_RULES, type CalendarRules } from "@/lib/calendar/rules.validation";

const meeting = (overrides: Partial<{ title: string; description: string; organizer: string | null; attendees: string[]; attendeeCount: number }> = {}) => ({
  title: "Weekly sync",
  description: "",
  organizer: null,
  attendees: [],
  attendeeCount: 0,
  ...overrides,
});

describe("the starter rules", () => {
  const classify = compileRules(STARTER_RULES);

  it("send incidents, outages, postmortems and escalations to firefighting", () => {
    for (const title of ["Incident review", "OUTAGE bridge", "Postmortems: Q3", "post-mortem", "Escalation with ACME", "Payments incidents"]) {
      expect(classify(meeting({ title })), title).toEqual({ category: "firefighting", rule: 0 });
    }
  });

  it("send planning, strategy, roadmaps, offsites and hiring plans to strategy, also from the description", () => {
    for (const title of ["Q3 planning", "Strategy day", "Roadmap review", "Leadership offsite", "Hiring   plan 2026"]) {
      expect(classify(meeting({ title })), title).toEqual({ category: "strategy", rule: 1 });
    }
    expect(classify(meeting({ title: "Sync", description: "We will go through the roadmap." }))).toEqual({ category: "strategy", rule: 1 });
  });

  it("match words at the start of a word only, and send the rest to the default category", () => {
    expect(classify(meeting({ title: "Coincident planning?" }))).toEqual({ category: "strategy", rule: 1 });
    expect(classify(meeting({ title: "Coincidental chat" }))).toEqual({ category: "other", rule: null });
    expect(classify(meeting({ title: "Unplanned" }))).toEqual({ category: "other", rule: null });
  });

  it("let the first matching rule win: an incident during planning is firefighting", () => {
    expect(classify(meeting({ title: "Planning, interrupted by an incident" }))).toEqual({ category: "firefighting", rule: 0 });
  });
});

describe("rules on people", () => {
  const rules: CalendarRules = calendarRulesSchema.parse({
    rules: [
      { match: { on: "attendeeCount", min: 20 }, category: "ignore" },
      { match: { on: "organiser", address: "@board.example.com" }, category: "strategy" },
      { match: { on: "attendee", address: "Pager@Ops.Example.com" }, category: "firefighting" },
      { match: { on: "attendee", address: "partner.example.org" }, category: "strategy" },
      { match: { on: "attendeeCount", min: "2", max: "2" }, category: "other" },
    ],
    defaultCategory: "firefighting",
  });
  const classify = compileRules(rules);

  it("match the number of people, the organiser's domain, an attendee's address or domain, in order", () => {
    expect(classify(meeting({ attendeeCount: 40, organizer: "chair@board.example.com" }))).toEqual({ category: "ignore", rule: 0 });
    expect(classify(meeting({ organizer: "chair@board.example.com", attendeeCount: 5 }))).toEqual({ category: "strategy", rule: 1 });
    expect(classify(meeting({ attendees: ["pager@ops.example.com"], attendeeCount: 3 }))).toEqual({ category: "firefighting", rule: 2 });
    // A subdomain belongs to its domain; a look-alike domain does not.
    expect(classify(meeting({ attendees: ["bo@eu.partner.example.org"], attendeeCount: 3 }))).toEqual({ category: "strategy", rule: 3 });
    expect(classify(meeting({ attendees: ["bo@notpartner.example.org"], attendeeCount: 3 }))).toEqual({ category: "firefighting", rule: null });
    expect(classify(meeting({ attendeeCount: 2 }))).toEqual({ category: "other", rule: 4 });
  });
});

describe("calendarRulesSchema", () => {
  it("accepts the starter rules and defaults the category for unmatched events to other", () => {
    expect(calendarRulesSchema.parse(STARTER_RULES)).toEqual(STARTER_RULES);
    expect(calendarRulesSchema.parse({ rules: [] }).defaultCategory).toBe("other");
  });

  it("reads words typed in one field, in lower case, trimmed", () => {
    const parsed = calendarRulesSchema.parse({ rules: [{ match: { on: "words", words: " Incident ,  Sev 1,, " }, category: "firefighting" }] });
    expect(parsed.rules[0]!.match).toEqual({ on: "words", words: ["incident", "sev 1"] });
  });

  it("says what is wrong at the field", () => {
    const issues = (input: unknown) => calendarRulesSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(issues({ rules: [{ match: { on: "words", words: "" }, category: "strategy" }] })).toEqual(["rules.0.match.words: Enter at least one word or phrase."]);
    expect(issues({ rules: [{ match: { on: "attendee", address: "not an address" }, category: "strategy" }] })).toEqual([
      "rules.0.match.address: Enter an email address (ana@example.com) or a domain (example.com).",
    ]);
    expect(issues({ rules: [{ match: { on: "attendeeCount", min: 5, max: 2 }, category: "other" }] })).toEqual(["rules.0.match.max: The most must be at least the fewest."]);
    expect(issues({ rules: [{ match: { on: "words", words: ["x"] }, category: "urgent" }] })).toEqual(["rules.0.category: Choose firefighting, strategy, other or ignore."]);
    expect(issues({ rules: [{ match: { on: "colour" }, category: "other" }] })?.[0]).toMatch(/^rules.0.match.on: Choose what the rule matches/);
    expect(issues({ rules: Array.from({ length: 101 }, () => ({ match: { on: "words", words: ["x"] }, category: "other" })) })).toEqual(["rules: Keep at most 100 rules."]);
  });
});

describe("a rule on the whole title (a series)", () => {
  const rules: CalendarRules = calendarRulesSchema.parse({ rules: [{ match: { on: "title", title: "  Team   sync " }, category: "strategy" }], defaultCategory: "other" });
  const classify = compileRules(rules);

  it("matches the title as a whole, in any case and spacing, and nothing that only contains it", () => {
    expect(rules.rules[0]?.match).toEqual({ on: "title", title: "Team sync" });
    for (const title of ["Team sync", "team SYNC", " Team\tsync "]) expect(classify(meeting({ title })), title).toEqual({ category: "strategy", rule: 0 });
    for (const title of ["Team sync 2", "Weekly team sync", "Team"]) expect(classify(meeting({ title })), title).toEqual({ category: "other", rule: null });
    expect(classify(meeting({ title: "Planning", description: "Team sync" }))).toEqual({ category: "other", rule: null });
  });

  it("refuses an empty title", () => {
    expect(calendarRulesSchema.safeParse({ rules: [{ match: { on: "title", title: "   " }, category: "other" }] }).error?.issues[0]?.message).toBe("Enter the event’s title.");
  });
});
