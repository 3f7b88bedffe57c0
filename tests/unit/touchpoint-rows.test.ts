import { describe, expect, it } from "vitest";
import { menteeTouchpointRows, touchpointRows } from "@/components/touchpoints/touchpoint-rows";
import type { Touchpoint } from "@/lib/touchpoints";

const PAYLOAD = `<script>alert(1)</script><img src=x onerror="alert(1)">' onfocus='alert(1)`;
const ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39; onfocus=&#39;alert(1)";

const withDana: Touchpoint = {
  id: "t1",
  occurredOn: "2026-12-03",
  channel: "ONE_ON_ONE",
  topic: `Roadmap ${PAYLOAD}`,
  outcome: `Signed off\n${PAYLOAD}`,
  notable: true,
  department: "SALES",
  stakeholder: { id: "s1", name: `Dana ${PAYLOAD}` },
};
const groupMeeting: Touchpoint = { ...withDana, id: "t2", topic: "Quarterly review", outcome: null, notable: false, department: "FINANCE", stakeholder: null };

describe("a leader's touchpoints, built as markup", () => {
  const html = touchpointRows([withDana, groupMeeting], `/stakeholders/s1?page=2&x="><script>`).html;

  it("keeps what the leader typed as text: a script in a topic, a stakeholder's name or an outcome stays inert", () => {
    expect(html).not.toMatch(/<script|<img|onerror="|onfocus='/i);
    // The topic in its heading, the row menu's label and the edit link's words; the name in its link and the Delete's words.
    expect(html).toContain(`<h3 id="touchpoint-t1-topic" class="mt-1 font-medium break-words">Roadmap ${ESCAPED}<span`);
    expect(html).toContain(`aria-label="Edit or delete: Roadmap ${ESCAPED}"`);
    expect(html).toContain(`<span class="sr-only">: Roadmap ${ESCAPED}</span>`);
    expect(html).toContain(`>Dana ${ESCAPED}</a>`);
    expect(html).toContain(`<span class="sr-only"> touchpoint with Dana ${ESCAPED} on 3 Dec 2026</span>`);
    expect(html).toContain(`Signed off\n${ESCAPED}</p>`);
  });

  it("links each row to its stakeholder and its edit page, which returns where it was opened from", () => {
    expect(html).toContain('<a href="/stakeholders/s1" class="font-medium text-text');
    expect(html).toContain(`<a href="/touchpoints/t1/edit?returnTo=${encodeURIComponent(`/stakeholders/s1?page=2&x="><script>`).replaceAll("&", "&amp;")}"`);
    expect(touchpointRows([withDana], undefined).html).toContain('<a href="/touchpoints/t1/edit" class=');
  });

  it("gives each row a menu (a popover) holding Edit and a Delete that carries its touchpoint's id", () => {
    expect(html).toContain('<button type="button" popovertarget="touchpoint-t1-actions"');
    expect(html).toContain('<div id="touchpoint-t1-actions" popover="auto"');
    expect(html).toContain('<button type="button" data-touchpoint-delete="t2"');
    expect(html).toContain("Delete<span class=\"sr-only\"> group meeting with Finance on 3 Dec 2026</span></button>");
    expect(html).toContain('<span class="font-medium text-text">Group meeting</span> · Finance · 1:1</p>');
    expect(html.match(/>Notable</g)).toHaveLength(1);
  });
});

describe("a mentee's touchpoints, for their mentor", () => {
  const html = menteeTouchpointRows([withDana, groupMeeting]).html;

  it("keeps what the leader typed as text", () => {
    expect(html).not.toMatch(/<script|<img|onerror="|onfocus='/i);
    expect(html).toContain(`<p class="mt-1 font-medium break-words">Roadmap ${ESCAPED}</p>`);
    expect(html).toContain(`<span class="font-medium text-text">Dana ${ESCAPED}</span>`);
  });

  it("are read-only, with no links into the leader's pages", () => {
    expect(html).not.toMatch(/<a |<button|popover/);
    expect(html).toContain('<ul class="divide-y divide-border" aria-label="Touchpoints">');
  });
});
