// The read-only lists built as markup strings (decision record 037): what a
// leader or mentor typed stays text, and the rows keep their links and words.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MenteeWeekList } from "@/components/mentors/mentee-week-list";
import { NoteGroup } from "@/components/notes/note-list";
import { NoteMeta } from "@/components/notes/note-meta";
import { NotificationList } from "@/components/reviews/notification-list";
import { TimeZoneSuggestions } from "@/components/settings/time-zone-suggestions";
import { LastMet } from "@/components/stakeholders/cadence-badge";
import { StakeholderList } from "@/components/stakeholders/stakeholder-list";
import { WeekList } from "@/components/weeks/week-list";
import { WeekStrip } from "@/components/weeks/week-strip";
import type { NotificationItem } from "@/lib/mentoring/notifications";
import type { StakeholderSummary } from "@/lib/stakeholders";
import type { VisionNoteListItem } from "@/lib/vision-notes";

const PAYLOAD = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"><svg onload=window.__pwned=3>`;
const NOW = new Date("2026-11-24T10:00:00Z");

/** No element or attribute the payload describes made it into the markup, and its words are there as text. */
function expectInert(html: string) {
  // Its tags only as escaped text; its attribute's quote escaped, so it never closes one of ours.
  expect(html).not.toMatch(/<(script|img|svg)[\s>]/i);
  expect(html).not.toContain('onerror="');
  expect(html).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
}

describe("lists built as markup keep typed text inert", () => {
  it("vision note cards: title, excerpt and tags", () => {
    const note: VisionNoteListItem = {
      id: "n1",
      title: `Bet ${PAYLOAD}`,
      excerpt: `Why ${PAYLOAD}`,
      horizon: "THREE_YEARS",
      tags: [`tag${PAYLOAD}`],
      status: "OPEN",
      revisitOn: "2026-11-01",
      updatedAt: NOW,
      dueForRevisit: true,
    };
    const html = renderToStaticMarkup(<NoteGroup id="due" title="Due" notes={[note]} />);
    expectInert(html);
    expect(html).toContain('href="/notes/n1"');
    expect(html).toContain("Due for a revisit since 1 Nov 2026");
    const linked = renderToStaticMarkup(<NoteMeta note={note} linkTags />);
    expectInert(linked);
    expect(linked).toMatch(/^<div class="[^"]+" data-markup="">/);
    expect(renderToStaticMarkup(<NoteMeta note={note} />)).not.toContain("data-markup");
    // The tag's link carries it encoded, never as markup.
    expect(linked).toContain(`href="/notes?tag=${encodeURIComponent(`tag${PAYLOAD}`).replaceAll("'", "&#39;")}"`);
  });

  it("notifications: author, where and comment", () => {
    const item: NotificationItem = {
      id: "x1",
      kind: "comment",
      createdAt: NOW,
      readAt: null,
      author: `Grace ${PAYLOAD}`,
      body: `Good week ${PAYLOAD}`,
      on: `Note ${PAYLOAD}`,
      href: "/notes/n1#comments",
    };
    const html = renderToStaticMarkup(<NotificationList items={[item]} timeZone="Europe/Berlin" />);
    expectInert(html);
    expect(html).toContain('href="/notes/n1#comments"');
    expect(html).toContain(">New</span>");
    expect(html).toContain('<time datetime="2026-11-24T10:00:00.000Z">24 Nov, 11:00</time>');
  });

  it("stakeholders: name and role, linked or read-only", () => {
    const stakeholder: StakeholderSummary = {
      id: "s1",
      name: `Ada ${PAYLOAD}`,
      department: "FINANCE",
      role: `CFO ${PAYLOAD}`,
      cadenceDays: 14,
      lastMetOn: "2026-11-01",
      daysSinceLastMet: 23,
      dueOn: "2026-11-15",
      daysPastDue: 1,
      overdue: true,
    };
    for (const readOnly of [false, true]) {
      const html = renderToStaticMarkup(<StakeholderList stakeholders={[stakeholder]} readOnly={readOnly} />);
      expectInert(html);
      expect(html).toContain("Overdue by 1 day");
      expect(html).toContain('<time datetime="2026-11-01">1 Nov 2026</time><span class="tabular">, 23 days ago</span>');
      // Marked for the shell's link listener only where it has links.
      expect(html.includes('data-markup=""')).toBe(!readOnly);
    }
    expect(renderToStaticMarkup(<LastMet stakeholder={{ lastMetOn: null, daysSinceLastMet: null }} />)).toBe("<span>Never met</span>");
  });
});

describe("lists built as markup", () => {
  it("the weeks list: a logged week's split, ratings and review, and a week not logged with its link", () => {
    const html = renderToStaticMarkup(
      <WeekList
        thisWeek="2026-11-23"
        weeks={[
          { startsOn: "2026-11-23", summary: null },
          {
            startsOn: "2026-11-16",
            summary: { firefightingMinutes: 1200, strategyMinutes: 600, otherMinutes: 0, ratingStrategy: 4, ratingStory: null, ratingRelationships: null, ratingVision: null, reviewed: true, comments: 1 },
          },
        ]}
      />,
    );
    expect(html).toMatch(/^<ol class="[^"]+" aria-label="Your weeks, newest first" data-markup=""><li /);
    expect(html).toContain("Not logged yet");
    expect(html).toContain('href="/weeks/2026-11-23"');
    expect(html).toContain("Strategy 33%");
    expect(html).toContain("firefighting 20 h, strategy 10 h, other 0 h");
    expect(html).toContain('<span class="text-success">Reviewed by a mentor</span> · 1 comment');
    expect(html).toContain('fill="url(#chart-fill-strategy)"');
  });

  it("the strip: each week a link named with its state", () => {
    const html = renderToStaticMarkup(
      <WeekStrip
        strip={[
          { startsOn: "2026-11-16", state: "logged" },
          { startsOn: "2026-11-23", state: "open" },
        ]}
      />,
    );
    expect(html).toContain('<a href="/weeks/2026-11-16" aria-label="Week of 16 Nov 2026: logged" title="Week of 16 Nov 2026: logged"');
    expect(html).toContain('aria-label="Week of 23 Nov 2026: this week, not logged yet"');
  });

  it("a mentee's weeks open under /mentees", () => {
    const html = renderToStaticMarkup(
      <MenteeWeekList menteeId="m 1" weeks={[{ startsOn: "2026-11-16", firefightingMinutes: 600, strategyMinutes: 600, otherMinutes: 0, comments: 2, reviewedAt: null }]} />,
    );
    expect(html).toContain('href="/mentees/m%201/weeks/2026-11-16"');
    expect(html).toContain("Strategy 50% of 20 h · 2 comments · <span");
    expect(html).toContain("Not reviewed");
  });

  it("the time zone suggestions: one datalist the field names", () => {
    const html = renderToStaticMarkup(<TimeZoneSuggestions />);
    expect(html).toMatch(/^<datalist id="time-zone-options"><option value='[^']+'>[^<]+ \(GMT[^)]*\)<option/);
    expect(html).toContain("<option value='Europe/Berlin'>Europe/Berlin (GMT");
  });
});
