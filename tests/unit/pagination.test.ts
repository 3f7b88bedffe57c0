import { describe, expect, it } from "vitest";
import { pageHref, pageNumberSchema, pageSlice } from "@/lib/shared/pagination";

describe("pagination", () => {
  it("slices a list into pages, a page past the last showing the last", () => {
    expect(pageSlice(52, 25, 1)).toEqual({ page: 1, pages: 3, start: 0, end: 25 });
    expect(pageSlice(52, 25, 3)).toEqual({ page: 3, pages: 3, start: 50, end: 52 });
    expect(pageSlice(52, 25, 7)).toEqual({ page: 3, pages: 3, start: 50, end: 52 });
    expect(pageSlice(0, 25, 2)).toEqual({ page: 1, pages: 1, start: 0, end: 0 });
  });

  it("reads anything but a page number from an address as the first page", () => {
    expect(pageNumberSchema.parse("2")).toBe(2);
    for (const value of [undefined, "", "0", "-1", "1.5", "two", ["2", "3"], "1e9"]) expect(pageNumberSchema.parse(value)).toBe(1);
  });

  it("gives the first page one address, without ?page=, and keeps a list's filters on every page", () => {
    expect(pageHref("/weeks", 1)).toBe("/weeks");
    expect(pageHref("/weeks", 3)).toBe("/weeks?page=3");
    expect(pageHref("/notes", 1, { q: "platform team", status: undefined, tag: "" })).toBe("/notes?q=platform+team");
    expect(pageHref("/notes", 2, { q: "a&b" })).toBe("/notes?q=a%26b&page=2");
  });
});
