import { describe, expect, it } from "vitest";
import { emailPreferencesSchema } from "@/lib/reminders/preferences.validation";
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

describe("emailPreferencesSchema", () => {
  it("reads each switch as a checkbox, the day and the time as minutes after midnight", () => {
    expect(emailPreferencesSchema.parse({ weekReminder: "on", commentDigest: "on", weeklyEmailDay: "5", weeklyEmailTime: "16:00" })).toEqual({
      weekReminder: true,
      mentorDigest: false,
      commentDigest: true,
      weeklyEmailDay: 5,
      weeklyEmailTime: 960,
    });
    expect(emailPreferencesSchema.parse({ weeklyEmailDay: "0", weeklyEmailTime: " 00:05 " }).weeklyEmailTime).toBe(5);
  });

  it("refuses times and days that are none, with field messages", () => {
    for (const weeklyEmailTime of ["24:00", "7:00", "16:60", "", "4 pm", "16:00:00"]) {
      const result = emailPreferencesSchema.safeParse({ weeklyEmailDay: "1", weeklyEmailTime });
      expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["weeklyEmailTime", "Enter a time such as 16:00."]]);
    }
    for (const weeklyEmailDay of ["7", "-1", "1.5", "Friday"]) {
      expect(emailPreferencesSchema.safeParse({ weeklyEmailDay, weeklyEmailTime: "16:00" }).error?.issues[0]?.message).toBe("Choose a day.");
    }
  });
});
