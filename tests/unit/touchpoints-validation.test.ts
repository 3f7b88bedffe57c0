import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/shared/forms";
import { CHOOSE_DEPARTMENT, CHOOSE_STAKEHOLDER, NOT_BOTH, touchpointSchema, updateTouchpointSchema } from "@/lib/touchpoints.validation";

/** As a group meeting form posts it: no stakeholder field at all. */
const withoutStakeholder = { occurredOn: "2026-11-24", channel: "ONE_ON_ONE", topic: "  Pricing for the enterprise tier ", outcome: " Agreed to share usage data. " };
const valid = { ...withoutStakeholder, stakeholderId: "stakeholder-1" };

function errorsOf(values: Record<string, unknown>) {
  const parsed = touchpointSchema.safeParse(values);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("touchpointSchema", () => {
  it("parses a touchpoint with a stakeholder", () => {
    expect(touchpointSchema.parse(valid)).toEqual({
      occurredOn: "2026-11-24",
      channel: "ONE_ON_ONE",
      topic: "Pricing for the enterprise tier",
      outcome: "Agreed to share usage data.",
      notable: false,
      with: { kind: "stakeholder", stakeholderId: "stakeholder-1" },
    });
  });

  it("reads the notable mark as a ticked checkbox", () => {
    expect(touchpointSchema.parse({ ...valid, notable: "on" }).notable).toBe(true);
    expect(touchpointSchema.parse({ ...valid, notable: "no" }).notable).toBe(false);
  });

  it("parses a group meeting with a department, with no outcome", () => {
    expect(touchpointSchema.parse({ ...withoutStakeholder, department: "MARKETING", outcome: "" })).toMatchObject({
      outcome: null,
      with: { kind: "department", department: "MARKETING" },
    });
  });

  it("needs a stakeholder or a department, at the field the form showed", () => {
    expect(errorsOf({ ...valid, stakeholderId: "" }).stakeholderId).toEqual([CHOOSE_STAKEHOLDER]);
    expect(errorsOf({ ...withoutStakeholder, department: "" }).department).toEqual([CHOOSE_DEPARTMENT]);
    expect(errorsOf(withoutStakeholder).stakeholderId).toEqual([CHOOSE_STAKEHOLDER]);
  });

  it("refuses both a stakeholder and a department", () => {
    expect(errorsOf({ ...valid, department: "SALES" }).department).toEqual([NOT_BOTH]);
  });

  it("refuses an unknown department or channel", () => {
    expect(errorsOf({ ...withoutStakeholder, department: "ENGINEERING" }).department).toEqual(["Choose a department from the list."]);
    expect(errorsOf({ ...valid, channel: "CARRIER_PIGEON" }).channel).toEqual(["Choose how you met from the list."]);
  });

  it.each(["2026-02-30", "2026-13-01", "24/11/2026", "yesterday", "", "0000-01-01", "2101-01-01"])("refuses %j as a date", (occurredOn) => {
    expect(errorsOf({ ...valid, occurredOn }).occurredOn).toHaveLength(1);
  });

  it("accepts a leap day", () => {
    expect(touchpointSchema.parse({ ...valid, occurredOn: "2028-02-29" }).occurredOn).toBe("2028-02-29");
  });

  it("needs a topic of at most 200 characters", () => {
    expect(errorsOf({ ...valid, topic: "   " }).topic).toEqual(["Say in a few words what it was about."]);
    expect(errorsOf({ ...valid, topic: "t".repeat(201) }).topic?.[0]).toMatch(/under 200/);
    expect(touchpointSchema.parse({ ...valid, topic: "t".repeat(200) }).topic).toHaveLength(200);
  });

  it("keeps the outcome to 5,000 characters", () => {
    expect(errorsOf({ ...valid, outcome: "o".repeat(5_001) }).outcome?.[0]).toMatch(/under 5,000/);
    expect(touchpointSchema.parse({ ...valid, outcome: "o".repeat(5_000) }).outcome).toHaveLength(5_000);
  });

  it("reports every field at once, the stakeholder included", () => {
    const errors = errorsOf({ occurredOn: "nope", stakeholderId: "", channel: "", topic: "" });
    expect(Object.keys(errors).sort()).toEqual(["channel", "occurredOn", "stakeholderId", "topic"]);
  });
});

describe("updateTouchpointSchema", () => {
  it("needs the touchpoint's id and keeps where to return to", () => {
    expect(updateTouchpointSchema.safeParse(valid).success).toBe(false);
    expect(updateTouchpointSchema.parse({ ...valid, id: "tp-1", returnTo: "/stakeholders/s1" })).toMatchObject({ id: "tp-1", returnTo: "/stakeholders/s1" });
  });
});
