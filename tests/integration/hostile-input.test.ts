// What the fuzz (fuzz-actions.test.ts) found, each pinned down on its own:
// real server actions and route handlers, called in-process as Next would
// (tests/support/next-request.ts stands in for next/headers), on the real
// database. Each answer must be an ordinary refusal: nothing thrown (Next
// turns that into a 500), no 5xx, no error logged, nothing stored.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_URL = "https://wheelhouse.example.test";
});
vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("next/server", (original) => import("../support/next-request").then((module) => module.nextServer(original)));
// The development outbox would write each sign-in email into .data/outbox.
vi.mock("@/lib/server/outbox", () => ({ writeToOutbox: async () => undefined, listOutbox: async () => [] }));

import { signOutAction } from "@/app/(app)/actions";
import { acceptInvitationAction, switchAccountAction } from "@/app/invitations/[token]/actions";
import { requestSignInLink, signInWithProvider } from "@/app/signin/actions";
import { saveSettings, signOutAllDevices } from "@/app/(app)/settings/actions";
import { importDataAction } from "@/app/(app)/settings/data/actions";
import { createStakeholderAction, deleteStakeholderAction, restoreStakeholderAction } from "@/app/(app)/stakeholders/actions";
import { deleteTouchpointAction } from "@/app/(app)/touchpoints/actions";
import { saveWeekAction } from "@/app/(app)/weeks/actions";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { exportAccount } from "@/lib/account/export";
import { db } from "@/lib/server/db";
import { RATE_LIMITS } from "@/lib/server/rate-limit";
import { proxy } from "@/proxy";
import { UNSTORABLE_MESSAGE } from "@/lib/shared/forms";
import { logger } from "@/lib/server/logger";
import { currentWeekStart } from "@/lib/shared/week-dates";
import { createStakeholder, createTouchpoint } from "../support/factories/stakeholders";
import { createUser, type TestUser } from "../support/factories/users";
import { form, withRequest } from "../support/next-request";
import { CALLBACK_URL_COOKIE, SESSION_COOKIE } from "@/lib/config/session-cookies";

const APP_URL = "https://wheelhouse.example.test";
const idle = { status: "idle" } as const;

afterAll(() => {
  delete process.env.AUTH_URL;
});

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(logger, "error");
});
afterEach(() => {
  // Nothing here is a fault of ours: not one error may be logged.
  expect(errors).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

async function signedIn(): Promise<TestUser & { cookie: string }> {
  const user = await createUser();
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return { ...user, cookie: `${SESSION_COOKIE.secure}=${sessionToken}` };
}

/** Runs `run` as a request from the app's own pages (or `origin`), with these cookies. */
function as<T>(cookie: string | null, run: () => Promise<T>, origin: string | null = APP_URL): Promise<T> {
  const headers = new Headers({ host: new URL(APP_URL).host });
  if (origin) headers.set("origin", origin);
  if (cookie) headers.set("cookie", cookie);
  return withRequest(headers, run);
}

describe("one-click actions on an item answer, never throw", () => {
  it("refuses another user's id, a deleted one and one of the wrong type as not found", async () => {
    const ada = await signedIn();
    const grace = await createUser();
    const theirs = await createStakeholder(grace.id, { name: "Grace's contact" });

    for (const id of [theirs.id, "c-no-such-id", 42, { id: theirs.id }, undefined]) {
      const result = await as(ada.cookie, () => deleteStakeholderAction(id));
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/could not be found/) });
    }
    expect((await db.stakeholder.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull();
  });

  it("deletes and restores the viewer's own item, saying so", async () => {
    const ada = await signedIn();
    const own = await createStakeholder(ada.id);
    expect(await as(ada.cookie, () => deleteStakeholderAction(own.id))).toEqual({ ok: true, message: "Stakeholder deleted." });
    expect(await as(ada.cookie, () => restoreStakeholderAction(own.id))).toEqual({ ok: true, message: "Stakeholder restored." });
  });

  it("refuses a post from another site with a message", async () => {
    const ada = await signedIn();
    const own = await createStakeholder(ada.id);
    const result = await as(ada.cookie, () => deleteStakeholderAction(own.id), "https://evil.example");
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/did not come from Wheelhouse/) });
    expect((await db.stakeholder.findUniqueOrThrow({ where: { id: own.id } })).deletedAt).toBeNull();
  });
});

describe("actions that answer nothing refuse another site by doing nothing", () => {
  it("keeps the session of a sign-out posted from elsewhere (or with no origin)", async () => {
    const ada = await signedIn();
    for (const origin of ["https://evil.example", null]) {
      await expect(as(ada.cookie, () => signOutAction(), origin)).resolves.toBeUndefined();
      await expect(as(ada.cookie, () => signOutAllDevices(), origin)).resolves.toBeUndefined();
    }
    expect(await db.session.count({ where: { userId: ada.id } })).toBe(1);
  });
});

describe("signing out of every device", () => {
  it("ends every session and logs no error for the one already gone", async () => {
    const ada = await signedIn();
    await db.session.create({ data: { sessionToken: "another-device", userId: ada.id, expires: new Date(Date.now() + 86_400_000) } });
    // Auth.js's own sign-out then finds this device's session deleted already.
    await expect(as(ada.cookie, () => signOutAllDevices())).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/signin/) });
    expect(await db.session.count({ where: { userId: ada.id } })).toBe(0);
  });

  it("signs out a session that is already gone without an error", async () => {
    await expect(as(`${SESSION_COOKIE.secure}=no-such-session`, () => signOutAction())).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});

describe("forms take only a form", () => {
  it("answers anything else in place of the FormData as an empty form", async () => {
    const ada = await signedIn();
    const notForms: unknown[] = [undefined, "name=x", { name: "x" }, new Map([["name", "x"]])];
    for (const notAForm of notForms) {
      const result = await as(ada.cookie, () => createStakeholderAction(idle, notAForm as FormData));
      expect(result).toMatchObject({ status: "error", fieldErrors: { name: ["Enter their name."] } });
      await expect(as(null, () => requestSignInLink(idle, notAForm as FormData))).resolves.toMatchObject({ status: "error" });
      await expect(as(ada.cookie, () => importDataAction(idle, notAForm as FormData))).resolves.toMatchObject({ status: "error", message: "Choose your export file first." });
      await expect(as(null, () => signInWithProvider(notAForm as FormData))).resolves.toBeUndefined();
    }
    expect(await db.stakeholder.count({ where: { userId: ada.id } })).toBe(0);
  });
});

describe("text PostgreSQL cannot store", () => {
  it("refuses a NUL character in any field, at that field, and stores nothing", async () => {
    const ada = await signedIn();
    const result = await as(ada.cookie, () => createStakeholderAction(idle, form({ name: "Sam", department: "SALES", notes: "before\u0000after" })));
    expect(result).toMatchObject({ status: "error", fieldErrors: { notes: [UNSTORABLE_MESSAGE] } });
    const settings = await as(ada.cookie, () => saveSettings(idle, form({ name: "A\u0000da", timeZone: "UTC", weekStartsOn: "1" })));
    expect(settings).toMatchObject({ status: "error", fieldErrors: { name: [UNSTORABLE_MESSAGE] } });
    expect(await db.stakeholder.count({ where: { userId: ada.id } })).toBe(0);
  });

  it("refuses an import file holding half a surrogate pair (Prisma's engine refused it in a list of tags)", async () => {
    const ada = await signedIn();
    const at = new Date().toISOString();
    const note = { id: "n1", title: "Bet", body: "", horizon: "ONE_YEAR", tags: ["x\uD800"], status: "OPEN", revisitOn: null, revisits: [], createdAt: at, updatedAt: at };
    const data = { ...(await exportAccount(ada.viewer)), visionNotes: [note] };
    const upload = new FormData();
    upload.append("file", new File([JSON.stringify(data)], "export.json", { type: "application/json" }));
    const result = await as(ada.cookie, () => importDataAction(idle, upload));
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/not a Wheelhouse export we can read.*half characters/) });
    expect(await db.visionNote.count({ where: { userId: ada.id } })).toBe(0);
  });

  it("treats an invitation token holding half a surrogate pair (which no address can carry) as a link that does not work", async () => {
    const ada = await signedIn();
    await expect(as(ada.cookie, () => acceptInvitationAction("x\uDC00y"))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/invitations\/invalid;/) });
    await expect(as(ada.cookie, () => switchAccountAction("x\uDC00y"))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;[^;]*\/signin;/) });
  });

  it("answers an id with a NUL character as not found", async () => {
    const ada = await signedIn();
    const own = await createTouchpoint(ada.id);
    expect(await as(ada.cookie, () => deleteTouchpointAction(`${own.id}\u0000`))).toMatchObject({ ok: false });
    expect((await db.touchpoint.findUniqueOrThrow({ where: { id: own.id } })).deletedAt).toBeNull();
  });

  it("refuses a week version beyond what PostgreSQL's integer holds", async () => {
    const ada = await signedIn();
    const startsOn = currentWeekStart({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
    const result = await as(ada.cookie, () => saveWeekAction(idle, form({ startsOn, version: "2147483648", strategyHours: "4" })));
    expect(result).toMatchObject({ status: "error", fieldErrors: { version: ["Reload the page and try again."] } });
  });
});

describe("pages", () => {
  it("refuse an address holding a NUL character, whose id or search PostgreSQL could not even compare", async () => {
    for (const path of ["/stakeholders/%00", "/notes?q=a%00b", "/mentees/x%00/weeks/2026-11-16"]) {
      expect((await proxy(new NextRequest(new URL(path, APP_URL)))).status, path).toBe(400);
    }
    // A search for the text "%00" arrives as %2500.
    expect((await proxy(new NextRequest(new URL("/notes?q=%2500", APP_URL)))).status).not.toBe(400);
  });

  it("refuse an address whose percent-encoding is broken, which Next cannot decode into route params (a 500)", async () => {
    for (const path of ["/stakeholders/%E0%A4%A", "/weeks/%C0%AF", "/dashboard/charts/%E0%A4%A", "/settings/data/export/%FF"]) {
      expect((await proxy(new NextRequest(new URL(path, APP_URL)))).status, path).toBe(400);
    }
    expect((await proxy(new NextRequest(new URL("/stakeholders/caf%C3%A9", APP_URL)))).status).not.toBe(400);
  });
});

describe("Auth.js's routes and hand-made requests", () => {
  const request = (path: string, init: { method?: string; cookie?: string; body?: string; contentType?: string } = {}) => {
    const headers = new Headers({ host: new URL(APP_URL).host });
    if (init.cookie) headers.set("cookie", init.cookie);
    if (init.contentType) headers.set("content-type", init.contentType);
    return new NextRequest(new URL(path, APP_URL), { method: init.method ?? "GET", headers, body: init.body });
  };
  const call = (req: NextRequest) => as(req.headers.get("cookie"), () => (req.method === "POST" ? authPost(req) : authGet(req)));

  it("ignores a callback URL it could not use, in the query or its cookie, instead of answering 500", async () => {
    const ada = await signedIn();
    const fromQuery = await call(request("/api/auth/session?callbackUrl=javascript:alert(1)", { cookie: ada.cookie }));
    expect(fromQuery.status).toBe(200);
    expect(await fromQuery.json()).toMatchObject({ user: { id: ada.id } });
    const fromCookie = await call(request("/api/auth/session", { cookie: `${ada.cookie}; ${CALLBACK_URL_COOKIE.secure}=nonsense` }));
    expect(fromCookie.status).toBe(200);
    const posted = await call(request("/api/auth/signin/email?callbackUrl=%00", { method: "POST", body: "email=a%40b.test", contentType: "application/x-www-form-urlencoded" }));
    expect(posted.status).toBeLessThan(500);
    // Repeated, Auth.js reads the last one: a usable first one must not let an unusable one through.
    for (const path of ["/api/auth/verify-request?callbackUrl=%2Fnotes&callbackUrl=Configuration", "/api/auth/session?callbackUrl=Configuration&callbackUrl=%2Fnotes"]) {
      const repeated = await call(request(path, { method: "POST", body: "[]", contentType: "application/json" }));
      expect(repeated.status, path).toBeLessThan(500);
    }
  });

  it("passes on only an error name to the error page, whose Location could not hold anything else", async () => {
    const response = await call(request("/api/auth/error?error=%00%0D%0ASet-Cookie:x=1"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/signin\/error\?error=\w+$/);
    const named = await call(request("/api/auth/error?error=Verification"));
    expect(named.headers.get("location")).toBe("/signin/error?error=Verification");
  });

  it("answers a provider we do not offer with 404", async () => {
    expect((await call(request("/api/auth/signin/github"))).status).toBe(404);
    expect((await call(request("/api/auth/callback/credentials", { method: "POST" }))).status).toBe(404);
  });

  it("sends a sign-in link without its token or address to the page for links that do not work", async () => {
    for (const path of ["/api/auth/callback/email", "/api/auth/callback/email?token=abc", "/api/auth/callback/email?email=a%40b.test"]) {
      const response = await call(request(path));
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`${APP_URL}/signin/error?error=Verification`);
    }
  });

  it("answers a JSON body it cannot parse with 400", async () => {
    expect((await call(request("/api/auth/session", { method: "POST", body: "{", contentType: "application/json" }))).status).toBe(400);
  });

  it("charges a request for a sign-in link to the same limits as the sign-in form, and answers 429 when spent", async () => {
    const email = "ada@example.test";
    for (let i = 0; i < RATE_LIMITS.signInPerEmail.points; i++) {
      await expect(as(null, () => requestSignInLink(idle, form({ email })))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;[^;]*\/verify-request/) });
    }
    const body = `csrfToken=x&email=${encodeURIComponent(email)}`;
    const response = await call(request("/api/auth/signin/email", { method: "POST", body, contentType: "application/x-www-form-urlencoded" }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    await expect(as(null, () => requestSignInLink(idle, form({ email })))).resolves.toMatchObject({ message: expect.stringMatching(/^Too many sign-in requests/) });
  });

  it("treats a session cookie holding a NUL character as no session", async () => {
    const response = await call(request("/api/auth/session", { cookie: `${SESSION_COOKIE.secure}=%00` }));
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
  });
});
