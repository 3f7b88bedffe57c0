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
});
