// The import review's layout (which decides its 404 before the skeleton
// streams) and its page both need the pending import and its preview: one
// render reads it once.
import { describe, expect, it, vi } from "vitest";
import { createPendingImport } from "@/lib/calendar/imports";
import { icsBytes } from "../support/calendar-ics";
import { createUser } from "../support/factories/users";
import { withRequest } from "../support/next-request";
import { inRender } from "../support/render-cache";
import { listed, recordStatements } from "../support/statements";
import { browserHeaders, signInSession } from "../support/signed-in";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("react", () => import("../support/render-cache").then((module) => module.reactWithRenderCache()));

const { default: ReviewImportLayout } = await import("@/app/(app)/calendar/imports/[id]/layout");
const { default: ReviewImportPage } = await import("@/app/(app)/calendar/imports/[id]/page");

describe("the import review", () => {
  it("reads the pending import once per render, for its layout and its page", async () => {
    const ada = await createUser();
    const start = new Date(Date.now() - 2 * 86_400_000);
    const { id } = await createPendingImport(ada.viewer, {
      name: "work.ics",
      bytes: icsBytes([{ uid: "sync", start, end: new Date(start.getTime() + 3_600_000), title: "Team sync" }]),
    });
    const sessionToken = await signInSession(ada.id);
    const params = Promise.resolve({ id });

    const sent = await recordStatements(() =>
      withRequest(browserHeaders(sessionToken), () => inRender(async () => Promise.all([ReviewImportLayout({ children: null, params }), ReviewImportPage({ params })]))),
    );

    // The pending import's own row, with its events (the preview also asks which feed wrote the weeks it would change).
    const importReads = sent.filter(({ text }) => /"occurrences".* FROM "public"\."CalendarImport"/.test(text));
    expect(importReads, listed(sent)).toHaveLength(1);
  });
});
