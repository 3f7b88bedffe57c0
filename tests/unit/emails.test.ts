// Stored text reaches people's inboxes too: a leader's name and message in
// an invitation, comments in a digest. Every email's HTML must carry such
// text as text, whatever it holds.
import { describe, expect, it } from "vitest";
import { commentDigestEmail } from "@/lib/server/emails/comment-digest";
import { invitationEmail } from "@/lib/server/emails/invitation";
import { signInEmail } from "@/lib/server/emails/sign-in";

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
    });
    expectInert(email.html);
    expect(email.text).toContain(payload);
  });

  it("a link's quotes cannot close its attribute", () => {
    const email = signInEmail({ to: "ada@example.test", url: 'https://wheelhouse.example.test/api/auth/callback/email?token=a"onclick="alert(1)', minutesValid: 10 });
    expectInert(email.html);
    expect(email.html).toContain("token=a&quot;onclick=&quot;alert(1)");
  });
});
