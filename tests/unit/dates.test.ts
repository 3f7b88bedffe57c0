import { describe, expect, it } from "vitest";
import { addDaysTo, daysBetween, fromDateOnly, isDateOnly, toDateOnly, todayIn, zonedDateTimeFormat } from "@/lib/shared/dates";
import { dateOnlySchema } from "@/lib/shared/form-schemas";

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(isDateOnly("2024-02-29")).toBe(true);
    expect(isDateOnly("2023-02-29")).toBe(false);
    expect(isDateOnly("2024-13-01")).toBe(false);
    expect(isDateOnly("2024-1-01")).toBe(false);
    expect(isDateOnly("yesterday")).toBe(false);
    expect(isDateOnly("2024-04-31")).toBe(false);
    expect(isDateOnly("2024-00-10")).toBe(false);
    expect(isDateOnly("2024-12-00")).toBe(false);
    expect(isDateOnly(" 2024-12-01")).toBe(false);
    expect(isDateOnly("2024-12-31")).toBe(true);
    expect(dateOnlySchema.safeParse("2025-04-31").success).toBe(false);
  });

  it("round-trips through the Date Prisma uses for date columns", () => {
    expect(toDateOnly(fromDateOnly("2025-03-30"))).toBe("2025-03-30");
  });

  it("adds days across month, year and DST boundaries without drifting", () => {
    expect(addDaysTo("2025-03-29", 2)).toBe("2025-03-31");
    expect(addDaysTo("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDaysTo("2025-03-01", -1)).toBe("2025-02-28");
    expect(daysBetween("2025-03-24", "2025-03-31")).toBe(7);
  });

  it("reads today in the user's time zone, not the server's", () => {
    const instant = new Date("2025-03-02T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2025-03-02");
    expect(todayIn("Europe/Berlin", instant)).toBe("2025-03-03");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2025-03-02");
    expect(todayIn("Pacific/Auckland", instant)).toBe("2025-03-03");
  });
});

describe("zonedDateTimeFormat", () => {
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
  const instant = new Date("2025-03-30T00:30:00Z");

  it("formats in the zone given, as a formatter made for it would", () => {
    expect(zonedDateTimeFormat("Europe/Berlin", options).format(instant)).toBe("30 Mar 2025, 01:30");
    expect(zonedDateTimeFormat("America/New_York", options).format(instant)).toBe("29 Mar 2025, 20:30");
    expect(zonedDateTimeFormat("Asia/Kolkata", { day: "numeric", month: "short" }).format(instant)).toBe("30 Mar");
  });

  it("builds each zone's formatter for a set of options once", () => {
    expect(zonedDateTimeFormat("Europe/Berlin", { ...options })).toBe(zonedDateTimeFormat("Europe/Berlin", options));
    expect(zonedDateTimeFormat("Europe/Paris", options)).not.toBe(zonedDateTimeFormat("Europe/Berlin", options));
  });
});
