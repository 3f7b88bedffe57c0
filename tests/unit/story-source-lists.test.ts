import { describe, expect, it } from "vitest";
import { assessmentMarkup } from "@/components/story/assessment-markup";
import { gatheredItems, relationshipsMarkup, visionMarkup } from "@/components/story/source-lists";
import type { StoryTouchpoint } from "@/lib/story/pack";

const PAYLOAD = `<script>alert(1)</script><img src=x onerror="alert(1)">`;

const touchpoint: StoryTouchpoint = {
  id: "t1",
  occurredOn: "2026-10-06",
  topic: `Roadmap ${PAYLOAD}`,
  department: "SALES",
  stakeholder: `Dana ${PAYLOAD}`,
  outcome: `Signed off\n${PAYLOAD}`,
  notable: true,
};
const relationships = {
  covered: [{ department: "SALES" as const, label: "Sales", count: 1, touchpoints: [touchpoint] }],
  notCovered: [{ department: "PRODUCT" as const, label: "Product" }],
  notable: [touchpoint],
};
const vision = { written: [{ id: "n1", title: `Bet ${PAYLOAD}`, status: "IN_PROGRESS" as const, on: "2026-10-07" }], revisited: [], statusChanged: [] };
const gathered = [{ section: "Wins" as const, text: `Shipped ${PAYLOAD}`, weekStartsOn: "2026-10-05" }];

describe("the story's lists of sources, built as markup", () => {
  it("escapes what the leader typed: a script in a topic, stakeholder, outcome, note title or week's line stays text", () => {
    const html = [
      relationshipsMarkup(relationships, (t) => `/touchpoints/${t.id}/edit`, "owner").html,
      visionMarkup(vision, (id) => `/notes/${id}`).html,
      gatheredItems(gathered, (week) => `/weeks/${week}`).html,
    ].join("");
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain('<a href="/touchpoints/t1/edit">Roadmap &lt;script&gt;');
    expect(html).toContain('<a href="/notes/n1">Bet &lt;script&gt;');
    expect(html).toContain('<a href="/weeks/2026-10-05">week of 5 Oct</a>');
  });

  it("shows the sources as words, with no links, for a reader with no way into the app", () => {
    const html = [
      relationshipsMarkup(relationships, () => null, "other").html,
      visionMarkup(vision, () => null).html,
      gatheredItems(gathered, () => null).html,
    ].join("");
    expect(html).not.toContain("<a ");
    expect(html).toContain("Not met this quarter: </span>Product");
    expect(html).toContain("week of 5 Oct");
  });

  it("speaks to the owner only where nothing is marked notable", () => {
    const none = { ...relationships, notable: [] };
    expect(relationshipsMarkup(none, () => null, "owner").html).toContain("Mark one when you log or edit it.");
    expect(relationshipsMarkup(none, () => null, "other").html).not.toContain("Mark one");
  });
});

describe("the story's self-assessment, built as markup", () => {
  const rating = (value: number, evidence: string | null) => ({ rating: value, evidence });
  const none = { strategy: null, story: null, relationships: null, vision: null };

  it("shows each habit's rating, the change since last quarter and the mentors' beside it, with what they typed as text", () => {
    const html = assessmentMarkup({
      self: { ...none, strategy: rating(4, `Said no ${PAYLOAD}`) },
      previousSelf: { ...none, strategy: rating(2, null) },
      mentors: [{ mentorshipId: "m1", name: `Grace ${PAYLOAD}`, ratings: { ...none, strategy: rating(5, null) } }],
    }).html;
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('data-testid="story-assessment"');
    expect(html).toMatch(/data-habit="strategy">.*4 of 5<\/span><span class="text-muted"> · \+2 since last quarter<\/span>/);
    expect(html).toContain("Said no &lt;script&gt;");
    expect(html).toContain('data-mentor-rating="true"><p><span class="text-muted">Grace &lt;script&gt;');
    expect(html).toMatch(/data-habit="story">.*?Not rated/);
  });
});
