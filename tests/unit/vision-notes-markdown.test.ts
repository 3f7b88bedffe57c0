import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MARKDOWN_LINK_REL, MarkdownBody } from "@/components/notes/markdown";

function render(markdown: string): string {
  return renderToStaticMarkup(createElement(MarkdownBody, null, markdown));
}

/** Every opening tag in the output, by name: what the browser would build. */
function tagsIn(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((match) => match[1]!.toLowerCase());
}

describe("vision note Markdown", () => {
  it("renders Markdown and GitHub extras as HTML", () => {
    const html = render("# Platform bet\n\nWe **will** need:\n\n- a data team\n- [x] hiring plan\n\n| Year | Bet |\n| --- | --- |\n| 2027 | EU |\n\n~~maybe~~");
    expect(html).toContain("<strong>will</strong>");
    expect(html).toContain("<li>a data team</li>");
    expect(html).toContain("<table>");
    expect(html).toContain("<del>maybe</del>");
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*disabled/);
    // The note sits under the page's h1, so its own headings start at h2.
    expect(html).toContain("<h2>Platform bet</h2>");
    expect(tagsIn(html)).not.toContain("h1");
  });

  it("never turns a <script> into an element", () => {
    const html = render("Before\n\n<script>alert(1)</script>\n\nAfter <script>alert(2)</script>");
    expect(tagsIn(html)).not.toContain("script");
    // It shows as the text that was typed, escaped.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps raw HTML inert: no img with onerror, no iframe, no inline handlers or styles", () => {
    const html = render('<img src=x onerror="alert(1)">\n\nText <iframe src="https://evil.example"></iframe> <b onclick="alert(1)">bold</b> <div style="position:fixed">x</div>');
    const tags = tagsIn(html);
    for (const tag of ["img", "iframe", "b"]) expect(tags).not.toContain(tag);
    expect(html).not.toMatch(/<[^>]+\s(on\w+|style)=/i);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("drops javascript:, vbscript: and data: URLs from links and shows the words only", () => {
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="]) {
      const html = render(`[x](${url}) and <${url}>`);
      expect(html, url).not.toMatch(/href="[^"]*(javascript|vbscript|data):/i);
      expect(html, url).toContain("<span>x</span>");
    }
  });

  it("gives every link rel=noopener noreferrer nofollow and opens outside links in a new tab, saying so", () => {
    const html = render("[our site](https://example.com/plan) and [a local note](/notes/abc) and https://autolink.example");
    expect(html).toContain(`<a href="https://example.com/plan" rel="${MARKDOWN_LINK_REL}" target="_blank"`);
    expect(html).toContain("(opens in a new tab)");
    expect(html).toMatch(new RegExp(`<a href="/notes/abc" rel="${MARKDOWN_LINK_REL}" class=`));
    expect(html).toContain('href="https://autolink.example"');
    const links = html.match(/<a\b[^>]*>/g) ?? [];
    expect(links).toHaveLength(3);
    for (const link of links) expect(link).toContain(`rel="${MARKDOWN_LINK_REL}"`);
  });

  it("renders images as links, so a note never loads anything from elsewhere", () => {
    const html = render("![Org chart](https://tracker.example/pixel.png) ![bad](javascript:alert(1))");
    expect(tagsIn(html)).not.toContain("img");
    expect(html).toContain(`<a href="https://tracker.example/pixel.png" rel="${MARKDOWN_LINK_REL}" target="_blank"`);
    expect(html).toContain("Image: Org chart");
    expect(html).not.toMatch(/javascript:/i);
  });
});
