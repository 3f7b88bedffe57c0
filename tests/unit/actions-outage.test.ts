import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { form } from "../support/next-request";

// A server action while the database is down: reading the session fails
// (lib/server/viewer.ts throws rather than treating the person as signed out).
const requireViewer = vi.fn();
vi.mock("@/lib/server/viewer", () => ({ requireViewer }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000" }) }));

let actions: typeof import("@/lib/server/actions");
let buttons: typeof import("@/lib/server/button-actions");

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/wheelhouse");
  vi.stubEnv("AUTH_SECRET", "c".repeat(32));
  vi.stubEnv("AUTH_URL", "");
  actions = await import("@/lib/server/actions");
  buttons = await import("@/lib/server/button-actions");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => {
  requireViewer.mockReset();
});

describe("server actions when the session cannot be read", () => {
  it("a form keeps what was typed and says nothing was saved, and its handler never runs", async () => {
    requireViewer.mockRejectedValue(new Error("Can't reach database server"));
    const handler = vi.fn();
    const action = actions.formAction(z.object({ highlights: z.string() }), handler);

    const state = await action({ status: "idle" }, form({ highlights: "Hiring plan agreed" }));

    expect(state).toMatchObject({ status: "error", values: { highlights: "Hiring plan agreed" } });
    expect(state.status === "error" && state.message).toMatch(/nothing was saved/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("a one-click action answers with a message", async () => {
    requireViewer.mockRejectedValue(new Error("Can't reach database server"));
    const run = vi.fn();
    await expect(buttons.buttonAction(run, "Done.")).resolves.toEqual({ ok: false, message: expect.stringMatching(/went wrong/) });
    expect(run).not.toHaveBeenCalled();
  });

  it("a signed-out person is still sent to sign in", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/signin;307;" });
    requireViewer.mockRejectedValue(redirect);
    const action = actions.formAction(z.object({}), vi.fn());
    await expect(action({ status: "idle" }, form({}))).rejects.toBe(redirect);
  });
});
