// The dashboard's charts are images at their own addresses
// (docs/decisions/013-charts-as-images.md): each answers only to who may see
// the dashboard it belongs to, as they may see it.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));

import { GET as ownChart } from "@/app/(app)/dashboard/charts/[chart]/route";
import { GET as menteeChart } from "@/app/(app)/mentees/[menteeId]/charts/[chart]/route";
import { CoverageChart } from "@/components/dashboard/coverage-chart";
import { TimeChart } from "@/components/dashboard/time-chart";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { addDaysTo } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import { currentWeekStart } from "@/lib/shared/week-dates";
import { createTouchpoints, createWeeks } from "../support/factories/dashboard";
import { createMentor } from "../support/factories/mentors";
import { createUser, type TestUser } from "../support/factories/users";
import { withRequest } from "../support/next-request";
import { SESSION_COOKIE } from "@/lib/config/session-cookies";

const APP_URL = "https://wheelhouse.example.test";

async function signIn(user: TestUser): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return `${SESSION_COOKIE.secure}=${sessionToken}`;
}

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** GET `path` through `route` with these params, as the holder of `cookie` (or no one). */
function get<P>(route: Route<P>, path: string, params: P, cookie: string | null, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(new URL(path, APP_URL), { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  return withRequest(request.headers, () => route(request, { params: Promise.resolve(params) }));
}

/** A leader with a logged week and a touchpoint with Sales this week. */
async function leaderWithData(): Promise<TestUser> {
  const leader = await createUser({ timeZone: "UTC" });
  const week = currentWeekStart({ timeZone: "UTC", weekStartsOn: 1 });
  await createWeeks(leader.id, [{ startsOn: week, firefightingMinutes: 600, strategyMinutes: 300, ratingVision: 4 }]);
  await createTouchpoints(leader.id, [{ occurredOn: addDaysTo(week, 0), department: "SALES" }]);
  return leader;
}

// A heatmap cell shaded for a count above zero.
const SHADED_CELL = "class='cell' stroke-opacity";

describe("chart images", () => {
  it("serve the leader's own charts at the version the page points to, and nothing of theirs to anyone else", async () => {
    const ada = await leaderWithData();
    const adaCookie = await signIn(ada);
    const image = TimeChart.image(await getDashboard(ada.viewer, "all"), "time-chart");
    expect(image).toBeDefined();

    const response = await get(ownChart, `/dashboard/charts/time-chart?range=all&v=${image?.version}`, { chart: "time-chart" }, adaCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(await response.text()).toBe(image?.svg);
    // A phone's narrower drawing is at its own address.
    const narrow = TimeChart.image(await getDashboard(ada.viewer, "all"), "time-chart", 280);
    const phone = await get(ownChart, `/dashboard/charts/time-chart?range=all&size=280&v=${narrow?.version}`, { chart: "time-chart" }, adaCookie);
    expect(phone.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(await phone.text()).toMatch(/^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' width='280'/);
    // Asked again with the version it has, the browser gets no body.
    const again = await get(ownChart, `/dashboard/charts/time-chart?range=all`, { chart: "time-chart" }, adaCookie, { "if-none-match": `"${image?.version}"` });
    expect(again.status).toBe(304);

    // Another leader at the same address gets their own chart, which is not Ada's, and is told to check it again.
    const grace = await createUser({ timeZone: "UTC" });
    const theirs = await get(ownChart, `/dashboard/charts/time-chart?range=all&v=${image?.version}`, { chart: "time-chart" }, await signIn(grace));
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("cache-control")).toBe("private, no-cache");
    expect(await theirs.text()).not.toBe(image?.svg);

    for (const [chart, cookie] of [
      ["time-chart", null],
      ["nope", adaCookie],
      ["../time-chart", adaCookie],
      ["time-chart\u0000", adaCookie],
    ] as const) {
      const refused = await get(ownChart, `/dashboard/charts/x`, { chart }, cookie);
      expect([chart, refused.status]).toEqual([chart, 404]);
      expect(refused.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("show a mentor only what the mentee shares, and a stranger or a former mentor nothing", async () => {
    const ada = await leaderWithData();
    const own = await getDashboard(ada.viewer, "12w");
    expect(CoverageChart.image(own, "coverage-chart")?.svg).toContain(SHADED_CELL);

    const sharingMentor = await createMentor(ada, { stakeholders: true });
    const privateMentor = await createMentor(ada, { stakeholders: false });
    const path = (chart: string) => `/mentees/${ada.id}/charts/${chart}`;
    const coverageAs = async (cookie: string) => get(menteeChart, path("coverage-chart"), { menteeId: ada.id, chart: "coverage-chart" }, cookie);

    const shared = await coverageAs(await signIn(sharingMentor));
    expect(shared.status).toBe(200);
    expect(await shared.text()).toContain(SHADED_CELL);
    const notShared = await coverageAs(await signIn(privateMentor));
    expect(notShared.status).toBe(200);
    expect(await notShared.text()).not.toContain(SHADED_CELL);

    const stranger = await createUser();
    expect((await coverageAs(await signIn(stranger))).status).toBe(404);
    // Her own chart is hers at /dashboard/charts, not as her own mentee.
    expect((await coverageAs(await signIn(ada))).status).toBe(404);
    const formerCookie = await signIn(sharingMentor);
    await db.mentorship.update({ where: { id: sharingMentor.mentorshipId }, data: { status: "ENDED", endedAt: new Date() } });
    expect((await coverageAs(formerCookie)).status).toBe(404);
    expect((await get(menteeChart, path("time-chart"), { menteeId: ada.id, chart: "time-chart" }, null)).status).toBe(404);
    expect((await get(menteeChart, path("time-chart"), { menteeId: `${ada.id}\u0000`, chart: "time-chart" }, await signIn(privateMentor))).status).toBe(404);
  });
});
