// The import review's layout (which decides its 404 before the skeleton
// streams) and its page both need the pending import and its preview: one
// render reads it once, and once it is built, not at all until it changes
// (only its stamp, one statement).
import { describe, expect, it, vi } from "vitest";
import { createPendingImport, getPendingImport } from "@/lib/calendar/imports";
import { icsBytes } from "../support/calendar-ics";
import { createUser } from "../support/factories/users";
import { withRequest } from "../support/next-request";
import { inRender } from "../support/render-cache";
import { listed, recordStatements, type SentStatement } from "../support/statements";
import { browserHeaders, signInSession } from "../support/signed-in";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("react", () => import("../support/render-cache").then((module) => module.reactWithRenderCache()));

const { default: ReviewImportLayout } = await import("@/app/(app)/calendar/imports/[id]/layout");
const { default: ReviewImportPage } = await import("@/app/(app)/calendar/imports/[id]/page");

// The pending import's own row, with its events (the preview also asks which feed wrote the weeks it would change).
const eventReads = (sent: SentStatement[]) => sent.filter(({ text }) => /"occurrences".* FROM "public"\."CalendarImport"/.test(text));
const stampReads = (sent: SentStatement[]) => sent.filter(({ text }) => /xmin/.test(text));

describe("the import review", () => {
  it("reads the pending import once per render, for its layout, its page and the week it shows opened; then only its stamp", async () => {
    const ada = await createUser();
    const start = new Date(Date.now() - 2 * 86_400_000);
    const { id } = await createPendingImport(ada.viewer, {
      name: "work.ics",
      bytes: icsBytes([{ uid: "sync", start, end: new Date(start.getTime() + 3_600_000), title: "Team sync" }]),
    });
    const sessionToken = await signInSession(ada.id);
    const params = Promise.resolve({ id });
    const render = (searchParams: Record<string, string>) =>
      recordStatements(() =>
        withRequest(browserHeaders(sessionToken), () =>
          inRender(async () => Promise.all([ReviewImportLayout({ children: null, params }), ReviewImportPage({ params, searchParams: Promise.resolve(searchParams) })])),
        ),
      );

    const first = await render({});
    expect(eventReads(first), listed(first)).toHaveLength(1);
    expect(stampReads(first), listed(first)).toHaveLength(1);

    // With a week opened (the link a browser without JavaScript follows): its events come from the same kept preview.
    const startsOn = (await getPendingImport(ada.viewer, id))!.preview.weeks[0]!.startsOn;
    const again = await render({ week: startsOn });
    expect(eventReads(again), listed(again)).toHaveLength(0);
    expect(stampReads(again), listed(again)).toHaveLength(1);
  });
});
