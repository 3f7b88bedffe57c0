import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, SEARCH_QUERY_MAX, parseHighlight, searchParamsSchema } from "@/lib/search.validation";

describe("searchParamsSchema", () => {
  it("trims the words, takes the first of repeated values and drops an unknown kind", () => {
    expect(searchParamsSchema.parse({ q: "  roadmap  ", kind: "note" })).toEqual({ q: "roadmap", kind: "note" });
    expect(searchParamsSchema.parse({ q: ["first", "second"], kind: "users" })).toEqual({ q: "first", kind: undefined });
    expect(searchParamsSchema.parse({})).toEqual({ q: "", kind: undefined });
  });

  it("turns characters PostgreSQL cannot take, or our marks, into spaces", () => {
    expect(searchParamsSchema.parse({ q: `a\u0000b${MARK_START}c${MARK_END}d\u001f` }).q).toBe("a b c d");
    expect(searchParamsSchema.parse({ q: "half \ud800 pair" }).q).toBe("half \ufffd pair");
  });

  it("refuses a search longer than the limit, with a message for the field", () => {
    expect(searchParamsSchema.safeParse({ q: "a".repeat(SEARCH_QUERY_MAX) }).success).toBe(true);
    const result = searchParamsSchema.safeParse({ q: "a".repeat(SEARCH_QUERY_MAX + 1) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["q"], message: `Keep the search under ${SEARCH_QUERY_MAX} characters.` });
  });
});

describe("parseHighlight", () => {
  it("splits a snippet into text and marked words", () => {
    expect(parseHighlight(`the ${MARK_START}plan${MARK_END} for ${MARK_START}hiring${MARK_END}`)).toEqual([
      { text: "the ", marked: false },
      { text: "plan", marked: true },
      { text: " for ", marked: false },
      { text: "hiring", marked: true },
    ]);
    expect(parseHighlight("")).toEqual([]);
    expect(parseHighlight("<b>not a mark</b>")).toEqual([{ text: "<b>not a mark</b>", marked: false }]);
  });
});
