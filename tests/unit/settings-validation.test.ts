import { describe, expect, it } from "vitest";
import { settingsSchema } from "@/lib/users.validation";

describe("settingsSchema", () => {
  it("accepts a name, an IANA zone and a weekday", () => {
    expect(settingsSchema.parse({ name: "  Ada  ", timeZone: "Europe/Berlin", weekStartsOn: "0" })).toEqual({
      name: "Ada",
      timeZone: "Europe/Berlin",
      weekStartsOn: 0,
    });
  });

  it("treats an empty name as no name", () => {
    expect(settingsSchema.parse({ name: "", timeZone: "UTC", weekStartsOn: "1" }).name).toBeNull();
  });

  it("refuses unknown zones, impossible weekdays and long names with field messages", () => {
    const result = settingsSchema.safeParse({ name: "x".repeat(81), timeZone: "Mars/Olympus", weekStartsOn: "7" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "timeZone", "weekStartsOn"]));
  });
});

describe("the time zone in settings", () => {
  it("saves an old or alias name as the zone's current IANA name", () => {
    expect(settingsSchema.parse({ name: "", timeZone: "Asia/Calcutta", weekStartsOn: "1" }).timeZone).toBe("Asia/Kolkata");
    expect(settingsSchema.parse({ name: "", timeZone: "america/new york", weekStartsOn: "1" }).timeZone).toBe("America/New_York");
  });

  it("refuses a zone that names no place, at the field", () => {
    const result = settingsSchema.safeParse({ name: "", timeZone: "Etc/GMT+5", weekStartsOn: "1" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["timeZone"], message: "Choose a time zone from the list." })]);
  });
});
