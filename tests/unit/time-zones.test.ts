import { describe, expect, it } from "vitest";
import { canonicalTimeZone, listTimeZones, timeZoneOptions } from "@/lib/shared/time-zones";

describe("time zones by their current IANA names", () => {
  it("lists current names only, UTC first, each once", () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toEqual(expect.arrayContaining(["Africa/Asmara", "America/Nuuk", "Asia/Kolkata", "Asia/Ho_Chi_Minh", "Europe/Kyiv", "Pacific/Kanton"]));
    for (const old of ["Africa/Asmera", "America/Godthab", "Asia/Calcutta", "Asia/Saigon", "Europe/Kiev", "Pacific/Enderbury"]) expect(zones).not.toContain(old);
    expect(new Set(zones).size).toBe(zones.length);
    // Every listed zone is its own current name, so a suggestion saves as it reads.
    for (const zone of zones) expect(canonicalTimeZone(zone)).toBe(zone);
  });

  it("takes old names, aliases, any case and spaces, and answers the current name", () => {
    expect(canonicalTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("America/Godthab")).toBe("America/Nuuk");
    expect(canonicalTimeZone("Africa/Asmera")).toBe("Africa/Asmara");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalTimeZone("  america/new york ")).toBe("America/New_York");
    expect(canonicalTimeZone("Europe/Bratislava")).toBe("Europe/Bratislava");
    expect(canonicalTimeZone("GMT")).toBe("UTC");
  });

  it("refuses what names no place: unknown zones, abbreviations, Etc offsets", () => {
    for (const typed of ["", "Mars/Olympus_Mons", "EST", "EST5EDT", "Etc/GMT+5", "Europe/" + "x".repeat(80), "../../etc/passwd"]) expect(canonicalTimeZone(typed)).toBeNull();
  });

  it("labels each suggestion with its offset now", () => {
    const options = timeZoneOptions(new Date("2026-01-15T12:00:00Z"));
    expect(options.find((option) => option.value === "Asia/Kolkata")?.label).toBe("Asia/Kolkata (GMT+5:30)");
    expect(options.find((option) => option.value === "America/New_York")?.label).toBe("America/New York (GMT-5)");
  });

  it("works the suggestions out once a quarter hour, and again when an offset may have changed", () => {
    // New York moves to summer time at 07:00 UTC on 8 March 2026.
    const before = timeZoneOptions(new Date("2026-03-08T06:46:00Z"));
    expect(timeZoneOptions(new Date("2026-03-08T06:59:59Z"))).toBe(before);
    const after = timeZoneOptions(new Date("2026-03-08T07:00:00Z"));
    expect(before.find((option) => option.value === "America/New_York")?.label).toBe("America/New York (GMT-5)");
    expect(after.find((option) => option.value === "America/New_York")?.label).toBe("America/New York (GMT-4)");
  });
});
