// Stored text reaches people's inboxes too: a leader's name and message in
// an invitation, comments in a digest. Every email's HTML must carry such
// text as text, whatever it holds.
import { describe, expect, it } from "vitest";
import { commentDigestEmail } from "@/lib/server/emails/comment-digest";
import { invitationEmail } from "@/lib/server/emails/invitation";
import { mentorDigestEmail } from "@/lib/server/emails/mentor-digest";
import { signInEmail } from "@/lib/server/emails/sign-in";
import { weekReminderEmail } from "@/lib/server/emails/week-reminder";

const escaped = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  "' onmouseover='window.__pwned=1",
  "[click me](javascript:window.__pwned=1)",
  "</p></div><a href=\"javascript:alert(1)\">x</a>",
];

/**
 * The HTML as a browser would read it: every tag in it is one of the
 * layout's, with only the layout's attributes, and the only link is the
 * https action button. Stored text can only add characters, never markup.
 */
function expectInert(html: string) {
  const tags = [...html.matchAll(/<\/?([a-z!][a-z0-9]*)([^>]*)>/gi)];
  for (const [, name, attributes] of tags) {
    expect(["!doctype", "html", "body", "div", "h1", "p", "a"]).toContain(name!.toLowerCase());
    const names = [...attributes!.matchAll(/\s([^\s=]+)=/g)].map(([, attribute]) => attribute);
    expect(names.every((attribute) => attribute === "style" || attribute === "href")).toBe(true);
  }
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//);
}

const UNSUBSCRIBE_URL = "https://wheelhouse.example.test/api/unsubscribe/u1.abc.week-reminder.x.sig";
const UNSUBSCRIBE = {
  url: UNSUBSCRIBE_URL,
  headers: { "List-Unsubscribe": `<${UNSUBSCRIBE_URL}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" as const },
};

describe("emails keep stored text inert", () => {
  it.each(PAYLOADS)("an invitation with %s as the leader's name and message", (payload) => {
    const email = invitationEmail({
      to: "mentor@example.test",
      from: `Ada ${payload}`,
      message: `Please ${payload}`,
      url: "https://wheelhouse.example.test/invitations/abc",
      sharing: "reflections",
      daysValid: 7,
    });
    expectInert(email.html);
    // Escaped, not dropped: the reader sees exactly what was written.
    expect(email.html).toContain(`Ada ${escaped(payload)}`);
    expect(email.text).toContain(payload);
  });

  it.each(PAYLOADS)("a comment digest with %s as the author, the note title and the comment", (payload) => {
    const email = commentDigestEmail({
      to: "ada@example.test",
      author: `Grace ${payload}`,
      comments: [
        { on: `Vision note “${payload}”`, body: payload },
        { on: "Week of 16 Nov 2026", body: `Nice split ${payload}` },
      ],
      url: "https://wheelhouse.example.test/notifications",
      unsubscribe: UNSUBSCRIBE,
    });
    expectInert(email.html);
    expect(email.text).toContain(payload);
  });

  it("a link's quotes cannot close its attribute", () => {
    const email = signInEmail({ to: "ada@example.test", url: 'https://wheelhouse.example.test/api/auth/callback/email?token=a"onclick="alert(1)', minutesValid: 10 });
    expectInert(email.html);
    expect(email.html).toContain("token=a&quot;onclick=&quot;alert(1)");
  });

  it.each(PAYLOADS)("a week reminder with %s as a stakeholder's name and a note's title", (payload) => {
    const email = weekReminderEmail({
      to: "ada@example.test",
      weekTitle: "This week",
      weekRange: "Mon 7 – Sun 13 December 2026",
      weekUrl: "https://wheelhouse.example.test/weeks/2026-12-07",
      overdue: [`Grace ${payload}`, "Linus"],
      notesDue: [payload],
      unsubscribe: UNSUBSCRIBE,
    });
    expectInert(email.html);
    expect(email.html).toContain(`Grace ${escaped(payload)}`);
    expect(email.text).toContain(payload);
  });

  it.each(PAYLOADS)("a mentor digest with %s as the leader's name and a note's title", (payload) => {
    const email = mentorDigestEmail({
      to: "mentor@example.test",
      mentees: [{ name: `Ada ${payload}`, weeks: ["Week of 30 Nov 2026"], notes: [payload], waiting: [`“${payload}”`] }],
      url: "https://wheelhouse.example.test/mentees",
      unsubscribe: UNSUBSCRIBE,
    });
    expectInert(email.html);
    expect(email.html).toContain(`Ada ${escaped(payload)}`);
    expect(email.subject).toContain(payload);
  });
});

describe("which emails can be unsubscribed from", () => {
  const reminder = weekReminderEmail({
    to: "ada@example.test",
    weekTitle: "This week",
    weekRange: "Mon 7 – Sun 13 December 2026",
    weekUrl: "https://wheelhouse.example.test/weeks/2026-12-07",
    overdue: ["Grace Hopper", "Linus", "Barbara", "Margaret", "Frances", "Katherine"],
    notesDue: ["Platform bets"],
    unsubscribe: UNSUBSCRIBE,
  });

  it("a reminder links the week, names who is overdue and which notes are due, and says how to stop", () => {
    expect(reminder.subject).toBe("Log your week: Mon 7 – Sun 13 December 2026");
    expect(reminder.text).toContain("Log it now:\nhttps://wheelhouse.example.test/weeks/2026-12-07");
    expect(reminder.text).toContain("Overdue for a catch-up: Grace Hopper, Linus, Barbara, Margaret, Frances and 1 more.");
    expect(reminder.text).toContain("Vision notes due for a revisit: “Platform bets”.");
    expect(reminder.text).toContain(UNSUBSCRIBE_URL);
    expect(reminder.html).toContain(`href="${UNSUBSCRIBE_URL}"`);
  });

  it("reminders, mentor digests and comment digests carry the one-click unsubscribe headers (RFC 8058)", () => {
    const digest = mentorDigestEmail({ to: "m@example.test", mentees: [{ name: "Ada", weeks: ["Week of 30 Nov 2026"], notes: [], waiting: [] }], url: "https://x.test/mentees", unsubscribe: UNSUBSCRIBE });
    const comments = commentDigestEmail({ to: "a@example.test", author: "Grace", comments: [{ on: "Week of 30 Nov 2026", body: "Hi" }], url: "https://x.test/n", unsubscribe: UNSUBSCRIBE });
    for (const email of [reminder, digest, comments]) {
      expect(email.headers).toEqual({ "List-Unsubscribe": `<${UNSUBSCRIBE_URL}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    }
  });

  it("sign-in links and invitations stay transactional: no unsubscribe headers", () => {
    const invitation = invitationEmail({ to: "m@example.test", from: "Ada", message: null, url: "https://x.test/invitations/a", sharing: "reflections", daysValid: 7 });
    const signIn = signInEmail({ to: "ada@example.test", url: "https://x.test/api/auth/callback/email?token=a", minutesValid: 10 });
    for (const email of [invitation, signIn]) {
      expect(email.headers).toBeUndefined();
      expect(email.html).not.toContain("Unsubscribe");
    }
  });
});
