import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// docs/decisions/README.md: every record carries a status and a date, and a
// later record supersedes an earlier one (both say so) instead of rewriting it.
const folder = join(import.meta.dirname, "..", "..", "docs", "decisions");
const records = readdirSync(folder)
  .filter((file) => /^\d{3}-.+\.md$/.test(file))
  .map((file) => ({ file, number: file.slice(0, 3), text: readFileSync(join(folder, file), "utf8") }));
const statusOf = (text: string) => text.split("\n").find((line) => line.startsWith("Status: ")) ?? "";

describe("decision records", () => {
  it("are numbered once each, titled with their number", () => {
    expect(new Set(records.map((record) => record.number)).size).toBe(records.length);
    for (const { number, text } of records) expect(text.split("\n")[0]).toMatch(new RegExp(`^# ${number}: `));
  });

  it.each(records)("$file has a status and a date under its title", ({ text }) => {
    expect(text.split("\n")[2]).toMatch(/^Status: (accepted|superseded by \d{3}) · \d{4}-\d{2}-\d{2}( · .+)?$/);
  });

  it.each(records)("$file names only records that exist and that say so too", ({ number, text }) => {
    const status = statusOf(text);
    for (const [, other] of status.matchAll(/superseded (?:in part )?by (\d{3})/g)) {
      const later = records.find((record) => record.number === other);
      expect(later, `record ${other}`).toBeDefined();
      expect(statusOf(later!.text)).toMatch(new RegExp(`supersedes (in part )?${number}\\b`));
    }
    for (const [, other] of status.matchAll(/supersedes (?:in part )?(\d{3})/g)) {
      const earlier = records.find((record) => record.number === other);
      expect(earlier, `record ${other}`).toBeDefined();
      expect(statusOf(earlier!.text)).toMatch(new RegExp(`superseded (in part )?by ${number}\\b`));
    }
  });
});
