import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { groupRepeats, SecurityHistory } from "@/components/settings/security-history";
import type { AuditEventView } from "@/lib/server/audit";

const firefox = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:133.0) Gecko/20100101 Firefox/133.0";
let next = 0;
function event(label: string, createdAt: string, userAgent: string | null = firefox): AuditEventView {
  next += 1;
  return { id: `e${next}`, action: "export", label, ip: "203.0.113.9", userAgent, detail: null, createdAt: new Date(createdAt) };
}

describe("the security history", () => {
  // Newest first, as listAuditEvents answers.
  const events = [
    event("Downloaded touchpoints.csv", "2026-12-04T13:30:00Z"),
    event("Downloaded touchpoints.csv", "2026-12-04T13:29:00Z"),
    event("Downloaded touchpoints.csv", "2026-12-04T10:00:00Z"),
    event("Downloaded weeks.csv", "2026-12-04T09:00:00Z"),
    event("Downloaded touchpoints.csv", "2026-12-03T09:00:00Z"),
    event("Downloaded touchpoints.csv", "2026-12-02T09:00:00Z", null),
  ];

  it("groups repeats in a row from the same device, and only those", () => {
    expect(groupRepeats(events).map(({ last, first, count }) => [last.label, count, last.id, first.id])).toEqual([
      ["Downloaded touchpoints.csv", 3, events[0]!.id, events[2]!.id],
      ["Downloaded weeks.csv", 1, events[3]!.id, events[3]!.id],
      ["Downloaded touchpoints.csv", 1, events[4]!.id, events[4]!.id],
      ["Downloaded touchpoints.csv", 1, events[5]!.id, events[5]!.id],
    ]);
  });

  it("says how many times and when, last and first, in the user's zone", () => {
    const html = renderToStaticMarkup(<SecurityHistory events={events} timeZone="Europe/Berlin" />);
    expect(html).toContain("Downloaded touchpoints.csv 3 times");
    expect(html).toMatch(/last at <time dateTime="2026-12-04T13:30:00.000Z">4 Dec 2026, 14:30<\/time>/);
    expect(html).toContain("first at <time");
    expect(html).toContain("Firefox on macOS");
    expect(html.match(/<li/g)).toHaveLength(4);
  });
});
