import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/shared/forms";
import {
  cadenceStatus,
  sortStakeholders,
  stakeholderFiltersSchema,
  stakeholderSchema,
  updateStakeholderSchema,
} from "@/lib/stakeholders.validation";

const valid = { name: "  Priya Patel ", role: " CFO ", department: "FINANCE", cadenceDays: "14", notes: "Cares about cloud spend." };

function errorsOf(values: Record<string, unknown>) {
  const parsed = stakeholderSchema.safeParse(values);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("stakeholderSchema", () => {
  it("parses form values, trimming text and reading the cadence as a number", () => {
    expect(stakeholderSchema.parse(valid)).toEqual({ name: "Priya Patel", role: "CFO", department: "FINANCE", cadenceDays: 14, notes: "Cares about cloud spend.", email: null });
  });

  it("takes an optional email address, in lower case, and says in words when it is not one", () => {
    expect(stakeholderSchema.parse({ ...valid, email: " Priya@Finance.Example " }).email).toBe("priya@finance.example");
    expect(stakeholderSchema.parse({ ...valid, email: "" }).email).toBeNull();
    const parsed = stakeholderSchema.safeParse({ ...valid, email: "priya at finance" });
    expect(parsed.success ? {} : fieldErrorsOf(parsed.error)).toEqual({ email: ["Enter an email address like sam@example.com, or leave it empty."] });
  });

  it("stores empty optional fields as nothing", () => {
    expect(stakeholderSchema.parse({ name: "Priya", role: " ", department: "FINANCE", cadenceDays: "", notes: "" })).toEqual({
      name: "Priya",
      role: null,
      department: "FINANCE",
      cadenceDays: null,
      notes: null,
      email: null,
    });
    expect(stakeholderSchema.parse({ name: "Priya", department: "BOARD" })).toMatchObject({ role: null, cadenceDays: null, notes: null });
  });

  it("needs a name", () => {
    expect(errorsOf({ ...valid, name: "   " }).name).toEqual(["Enter their name."]);
  });

  it("refuses a department that is not in the list", () => {
    expect(errorsOf({ ...valid, department: "ENGINEERING" }).department).toEqual(["Choose a department from the list."]);
    expect(errorsOf({ ...valid, department: "" }).department).toEqual(["Choose a department from the list."]);
  });

  it.each(["0", "366", "1.5", "-3", "often", "1e9"])("refuses a cadence of %j days", (cadenceDays) => {
    expect(errorsOf({ ...valid, cadenceDays }).cadenceDays?.[0]).toMatch(/whole number of days from 1 to 365/);
  });

  it.each([
    ["1", 1],
    ["365", 365],
    [" 30 ", 30],
  ])("accepts a cadence of %j days", (cadenceDays, expected) => {
    expect(stakeholderSchema.parse({ ...valid, cadenceDays }).cadenceDays).toBe(expected);
  });

  it("refuses oversized text with a message at the field", () => {
    const errors = errorsOf({ ...valid, name: "n".repeat(121), role: "r".repeat(121), notes: "x".repeat(5_001) });
    expect(errors.name?.[0]).toMatch(/under 120/);
    expect(errors.role?.[0]).toMatch(/under 120/);
    expect(errors.notes?.[0]).toMatch(/under 5,000/);
    expect(stakeholderSchema.parse({ ...valid, notes: "x".repeat(5_000) }).notes).toHaveLength(5_000);
  });

  it("needs the id when editing", () => {
    expect(updateStakeholderSchema.safeParse(valid).success).toBe(false);
    expect(updateStakeholderSchema.parse({ ...valid, id: "abc" }).id).toBe("abc");
  });
});

describe("stakeholderFiltersSchema", () => {
  it("reads sort, department and overdue from the URL", () => {
    expect(stakeholderFiltersSchema.parse({ sort: "overdue", department: "LEGAL", overdue: "1" })).toEqual({ sort: "overdue", department: "LEGAL", overdue: true });
  });

  it("falls back to everyone by name for missing or unknown values", () => {
    expect(stakeholderFiltersSchema.parse({})).toEqual({ sort: "name", overdue: false });
    expect(stakeholderFiltersSchema.parse({ sort: "shoe-size", department: "MOON", overdue: ["1", "2"] })).toEqual({ sort: "name", overdue: false });
  });
});

describe("cadenceStatus", () => {
  const today = "2026-11-24";
  // Added long ago, so only the last touchpoint counts, unless a test says otherwise.
  const addedOn = "2020-01-01";

  it("is never overdue without a cadence", () => {
    expect(cadenceStatus({ cadenceDays: null, lastMetOn: null, addedOn }, today)).toEqual({ daysSinceLastMet: null, dueOn: null, daysPastDue: null, overdue: false });
    expect(cadenceStatus({ cadenceDays: null, lastMetOn: "2020-01-01", addedOn }, today)).toMatchObject({ overdue: false, daysSinceLastMet: 2_519 });
  });

  it("is not overdue before a whole cadence has passed since they were added", () => {
    expect(cadenceStatus({ cadenceDays: 30, lastMetOn: null, addedOn: today }, today)).toEqual({
      daysSinceLastMet: null,
      dueOn: "2026-12-24",
      daysPastDue: -30,
      overdue: false,
    });
    expect(cadenceStatus({ cadenceDays: 14, lastMetOn: null, addedOn: "2026-11-10" }, today)).toMatchObject({ dueOn: "2026-11-24", overdue: false });
    // An older touchpoint logged for someone added recently: still counted from the day they were added.
    expect(cadenceStatus({ cadenceDays: 14, lastMetOn: "2026-09-01", addedOn: "2026-11-20" }, today)).toMatchObject({ daysSinceLastMet: 84, dueOn: "2026-12-04", overdue: false });
  });

  it("is overdue when never met once a cadence has passed since they were added", () => {
    expect(cadenceStatus({ cadenceDays: 14, lastMetOn: null, addedOn: "2026-11-09" }, today)).toEqual({
      daysSinceLastMet: null,
      dueOn: "2026-11-23",
      daysPastDue: 1,
      overdue: true,
    });
  });

  it("is overdue only once more days than the cadence have passed", () => {
    expect(cadenceStatus({ cadenceDays: 14, lastMetOn: "2026-11-10", addedOn }, today)).toEqual({ daysSinceLastMet: 14, dueOn: "2026-11-24", daysPastDue: 0, overdue: false });
    expect(cadenceStatus({ cadenceDays: 14, lastMetOn: "2026-11-09", addedOn }, today)).toEqual({ daysSinceLastMet: 15, dueOn: "2026-11-23", daysPastDue: 1, overdue: true });
  });

  it("counts calendar days across a month and a year end", () => {
    expect(cadenceStatus({ cadenceDays: 7, lastMetOn: "2026-12-28", addedOn }, "2027-01-04")).toMatchObject({ daysSinceLastMet: 7, dueOn: "2027-01-04", overdue: false });
    expect(cadenceStatus({ cadenceDays: 7, lastMetOn: "2026-12-28", addedOn }, "2027-01-05")).toMatchObject({ daysSinceLastMet: 8, daysPastDue: 1, overdue: true });
  });

  it("is not overdue when met today, or on a date ahead", () => {
    expect(cadenceStatus({ cadenceDays: 1, lastMetOn: today, addedOn }, today)).toMatchObject({ daysSinceLastMet: 0, overdue: false });
    expect(cadenceStatus({ cadenceDays: 1, lastMetOn: "2026-11-26", addedOn }, today)).toMatchObject({ daysSinceLastMet: -2, overdue: false });
  });
});

describe("sortStakeholders", () => {
  const today = "2026-11-24";
  const person = (name: string, cadenceDays: number | null, lastMetOn: string | null, addedOn = "2026-01-01") => ({
    name,
    cadenceDays,
    lastMetOn,
    ...cadenceStatus({ cadenceDays, lastMetOn, addedOn }, today),
  });
  const people = [
    person("bea", 30, "2026-11-20"), // due in 26 days
    person("Ada", null, "2026-10-01"), // no cadence
    person("Cem", 7, "2026-11-01"), // 16 days late
    person("Dov", 14, null), // never met, added long ago: 311 days late
    person("Eli", 30, "2026-10-20"), // 5 days late
    person("Fay", null, null),
    person("Gil", 14, null, "2026-11-20"), // never met, added 4 days ago: due in 10 days
  ];
  const names = (list: Array<{ name: string }>) => list.map((item) => item.name);

  it("sorts by name, ignoring case", () => {
    expect(names(sortStakeholders(people, "name"))).toEqual(["Ada", "bea", "Cem", "Dov", "Eli", "Fay", "Gil"]);
  });

  it("sorts by last met, never met first, then the longest ago", () => {
    expect(names(sortStakeholders(people, "last-met"))).toEqual(["Dov", "Fay", "Gil", "Ada", "Eli", "Cem", "bea"]);
  });

  it("sorts the most overdue first: most days past due, then soonest due, then no cadence", () => {
    expect(names(sortStakeholders(people, "overdue"))).toEqual(["Dov", "Cem", "Eli", "Gil", "bea", "Ada", "Fay"]);
  });

  it("leaves the input untouched", () => {
    const before = names(people);
    sortStakeholders(people, "overdue");
    expect(names(people)).toEqual(before);
  });
});
