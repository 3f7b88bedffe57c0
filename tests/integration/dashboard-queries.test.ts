import { describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { RANGES, type RangeKey } from "@/lib/dashboard/view";
import { addDaysTo } from "@/lib/shared/dates";
import { createStakeholders, createTouchpoints, createVisionNotes, createWeeks } from "../support/factories/dashboard";
import { createUser } from "../support/factories/users";
import { recordStatements } from "../support/statements";

let statements: string[] = [];
let prepared: string[] = [];

async function countStatements(run: () => Promise<unknown>): Promise<number> {
  const sent = await recordStatements(run);
  statements = sent.map((statement) => statement.text);
  prepared = sent.flatMap((statement) => (statement.name ? [statement.name] : []));
  return sent.length;
}

const NOW = new Date("2026-11-24T10:00:00Z");

describe("dashboard queries", () => {
  it("reads the dashboard in four statements, whatever the range or the amount of data", async () => {
    const veteran = await createUser({ timeZone: "Europe/Berlin" });
    await createWeeks(veteran.id, Array.from({ length: 150 }, (_, i) => ({ startsOn: addDaysTo("2026-11-23", -7 * i), strategyMinutes: 600, firefightingMinutes: 900 })));
    const [stakeholder] = await createStakeholders(veteran.id, [{ department: "SALES", cadenceDays: 14 }]);
    await createTouchpoints(veteran.id, Array.from({ length: 300 }, (_, i) => ({ occurredOn: addDaysTo("2026-11-24", -i * 3), department: "SALES" as const, stakeholderId: stakeholder })));
    await createVisionNotes(veteran.id, Array.from({ length: 30 }, (_, i) => ({ horizon: "ONE_YEAR" as const, createdAt: new Date(NOW.getTime() - i * 86_400_000 * 20) })));
    const newcomer = await createUser();

    for (const range of Object.keys(RANGES) as RangeKey[]) {
      expect(await countStatements(() => getDashboard(veteran.viewer, range, NOW)), `${range}: ${statements.join("\n---\n")}`).toBe(4);
      expect(await countStatements(() => getDashboard(newcomer.viewer, range, NOW))).toBe(4);
    }
  });

  it("runs the three aggregations as prepared statements, named by their text", async () => {
    const leader = await createUser();
    await countStatements(() => getDashboard(leader.viewer, "all", NOW));
    const first = [...prepared];
    expect(first).toHaveLength(3);
    expect(new Set(first).size).toBe(3);
    // After a write, the same range reuses the same statements (PostgreSQL keeps their plans per connection).
    await createWeeks(leader.id, [{ startsOn: "2026-11-23", strategyMinutes: 60 }]);
    await countStatements(() => getDashboard(leader.viewer, "all", NOW));
    expect(prepared.sort()).toEqual(first.sort());
  });

  it("reads an unchanged dashboard in one statement, and again in four after a write", async () => {
    const leader = await createUser({ timeZone: "Europe/Berlin" });
    await createWeeks(leader.id, [{ startsOn: "2026-11-23", strategyMinutes: 600, firefightingMinutes: 600 }]);
    const first = await getDashboard(leader.viewer, "all", NOW);

    let again: unknown;
    expect(await countStatements(async () => (again = await getDashboard(leader.viewer, "all", NOW)))).toBe(1);
    expect(again).toBe(first);

    await createWeeks(leader.id, [{ startsOn: "2026-11-16", strategyMinutes: 600 }]);
    expect(await countStatements(async () => (again = await getDashboard(leader.viewer, "all", NOW)))).toBe(4);
    expect(again).not.toBe(first);
  });
});
