import { describe, expect, it } from "vitest";
import { markdownExcerpt, markdownToText } from "@/lib/shared/markdown-text";

describe("markdownToText", () => {
  it("keeps the words and drops the markup", () => {
    expect(markdownToText("# Plan\n\n> **Hire** a [lead](https://example.com) and ~~wait~~ `ship`")).toBe("Plan Hire a lead and wait ship");
    expect(markdownToText("1. first\n2) second\n- [x] done\n* _maybe_")).toBe("first second done maybe");
    expect(markdownToText("![diagram](https://example.com/a.png) <https://example.com/b>")).toBe("diagram https://example.com/b");
  });

  it("drops lines that only draw: rules, fences and a table's alignment row", () => {
    expect(markdownToText("Above\n\n---\n\n```ts\nconst a = 1;\n```\n| Team | Size |\n| --- | :-: |\n| Core | 4 |")).toBe("Above const a = 1; Team Size Core 4");
  });

  it("leaves words with underscores or stars inside them, and raw HTML, as typed", () => {
    expect(markdownToText("snake_case_name and 2*3*4")).toBe("snake_case_name and 2*3*4");
    expect(markdownToText("<b>bold?</b> \\*literal\\*")).toBe("<b>bold?</b> *literal*");
  });

  it("keeps other characters, such as a search snippet's marks, where they were", () => {
    expect(markdownToText("**\u0002hiring\u0003** plan")).toBe("\u0002hiring\u0003 plan");
  });
});

describe("markdownExcerpt", () => {
  it("cuts long text at a word and says there is more", () => {
    expect(markdownExcerpt("one two three four five", 12)).toBe("one two…");
    expect(markdownExcerpt("short", 12)).toBe("short");
    expect(markdownExcerpt("", 12)).toBe("");
  });

  it("says there is more when it was given only the start of the note", () => {
    expect(markdownExcerpt("The start.", 100, { truncated: true })).toBe("The start…");
  });
});
