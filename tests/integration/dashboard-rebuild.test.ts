// After a write through the app, the dashboard is rebuilt once the response
// is sent (app/(app)/dashboard/rebuild.ts), so the next visit finds it kept:
// it costs what the trivial signed-in page costs, the session's two statements.
import { describe, expect, it, vi } from "vitest";
import { idleFormState } from "@/lib/shared/forms";
import { afterResponse, form, withRequest } from "../support/next-request";
import { inRender } from "../support/render-cache";
import { listed, recordStatements } from "../support/statements";
import { createWeek } from "../support/factories/weeks";
import { createUser } from "../support/factories/users";
import { browserHeaders, signInSession } from "../support/signed-in";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("next/server", (original) => import("../support/next-request").then((module) => module.nextServer(original)));
vi.mock("react", () => import("../support/render-cache").then((module) => module.reactWithRenderCache()));

const { default: SignedInLayout } = await import("@/app/(app)/layout");
const { default: DashboardPage } = await import("@/app/(app)/dashboard/page");
const { saveWeekAction } = await import("@/app/(app)/weeks/actions");
const { REBUILD_QUIET_MS } = await import("@/app/(app)/dashboard/rebuild");
const { getDashboard } = await import("@/lib/dashboard/dashboard");

const SESSION_AND_SHELL = 2;

/** One render of the dashboard in `range` (none: the default), with its layout. */
const renderDashboard = (sessionToken: string, range?: string) =>
  withRequest(browserHeaders(sessionToken), () =>
    inRender(async () => Promise.all([SignedInLayout({ children: null }), DashboardPage({ searchParams: Promise.resolve(range ? { range } : {}) })])),
  );

describe("the dashboard after a write", () => {
  it("is rebuilt in the background, in the default range and the ones the leader looked at, so the next visit sends no SQL of its own", async () => {
    const ada = await createUser();
    await createWeek(ada.viewer, { startsOn: "2026-11-16" });
    const sessionToken = await signInSession(ada.id);
    await renderDashboard(sessionToken);
    await renderDashboard(sessionToken, "all");
    const before = await getDashboard(ada.viewer, "all");

    const saved = await withRequest(browserHeaders(sessionToken), () =>
      saveWeekAction(idleFormState, form({ startsOn: "2026-11-23", version: "0", firefightingHours: "10", strategyHours: "30", otherHours: "0" })),
    );
    expect(saved).toMatchObject({ status: "success" });
    await afterResponse();

    for (const range of [undefined, "all"]) {
      const sent = await recordStatements(() => renderDashboard(sessionToken, range));
      expect(sent, `${range ?? "default"}: ${listed(sent)}`).toHaveLength(SESSION_AND_SHELL);
    }
    const after = await getDashboard(ada.viewer, "all");
    expect(after).not.toBe(before);
    expect(after.headline.last4.loggedWeeks).toBe(before.headline.last4.loggedWeeks + 1);
    // A range the leader did not look at is built when first asked for, as before.
    const sent = await recordStatements(() => renderDashboard(sessionToken, "12m"));
    expect(sent.length).toBe(SESSION_AND_SHELL + 3);
  });

  it("is rebuilt once for a burst of writes, when they pause, and then shows the last of them", async () => {
    const ada = await createUser();
    const sessionToken = await signInSession(ada.id);
    const before = await getDashboard(ada.viewer, "12w");
    const save = (startsOn: string) =>
      withRequest(browserHeaders(sessionToken), () =>
        saveWeekAction(idleFormState, form({ startsOn, version: "0", firefightingHours: "10", strategyHours: "30", otherHours: "0" })),
      );

    // The clock stands still while the leader saves, so the saves come within the quiet time however slow the machine.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const sent = await recordStatements(async () => {
      try {
        for (const startsOn of ["2026-11-16", "2026-11-23", "2026-11-30"]) expect(await save(startsOn)).toMatchObject({ status: "success" });
        vi.advanceTimersByTime(REBUILD_QUIET_MS);
      } finally {
        vi.useRealTimers();
      }
      await afterResponse();
    });
    // The default range's three aggregations, once: not once per save.
    const aggregations = sent.filter((statement) => statement.text.includes("json_build_object"));
    expect(aggregations, listed(sent)).toHaveLength(3);
    const after = await getDashboard(ada.viewer, "12w");
    expect(after.headline.last4.loggedWeeks).toBe(before.headline.last4.loggedWeeks + 3);
  });
});
