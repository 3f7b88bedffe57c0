// The pure guards the fuzz (tests/integration/fuzz-actions.test.ts) led to:
// what a form action reads from a request that is not a form, text
// PostgreSQL cannot store, ids no row can have, callback URLs Auth.js cannot use.
import { describe, expect, it } from "vitest";
import { UNSTORABLE_MESSAGE, formValues, unstorableFields } from "@/lib/shared/forms";
import { idSchema } from "@/lib/shared/form-schemas";
import { isHttpUrl } from "@/lib/shared/safe-redirect";
import { weekSchema } from "@/lib/weeks.validation";

describe("formValues", () => {
  it.each([undefined, null, "name=Ada", { name: "Ada" }, new Map([["name", "Ada"]]), ["name", "Ada"]])("reads no values from %o, which is no FormData", (notAForm) => {
    expect(formValues(notAForm)).toEqual({});
  });
});

describe("unstorableFields", () => {
  it("names each field holding a NUL character or half a surrogate pair, in a single value or a list", () => {
    expect(unstorableFields({ name: "Ada", notes: "a\u0000b", tags: ["ok", "\u0000"], title: "x\uD800", body: "\uDC00y" })).toEqual({
      notes: [UNSTORABLE_MESSAGE],
      tags: [UNSTORABLE_MESSAGE],
      title: [UNSTORABLE_MESSAGE],
      body: [UNSTORABLE_MESSAGE],
    });
  });

  it("lets everything else through, unicode tricks and payloads included", () => {
    expect(unstorableFields({ a: "\u202Egnp.exe", b: "a\u200Bb", c: "<script>alert(1)</script>", d: "'; DROP TABLE \"User\"; --", e: "👩‍👩‍👧‍👦" })).toEqual({});
  });
});

describe("idSchema", () => {
  const schema = idSchema("That stakeholder could not be found.");

  it("takes an id, trimmed", () => {
    expect(schema.parse(" cmwxg35x90001ka7d45fisww8 ")).toBe("cmwxg35x90001ka7d45fisww8");
  });

  it.each(["", " ", "x".repeat(65), "id\u0000", "id\uD800", 42, null, undefined, {}])("refuses %o as not found", (id) => {
    const parsed = schema.safeParse(id);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["That stakeholder could not be found."]);
  });
});

describe("the week form's version", () => {
  it("refuses a version beyond PostgreSQL's integer, which no week was ever loaded with", () => {
    const parsed = weekSchema.safeParse({ startsOn: "2026-11-16", version: "2147483648" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["version"]);
    expect(weekSchema.safeParse({ startsOn: "2026-11-16", version: "2147483647" }).success).toBe(true);
  });
});

describe("isHttpUrl", () => {
  const origin = "https://wheelhouse.example.test";

  it.each(["/dashboard", "/weeks?x=1", "https://wheelhouse.example.test/notes", "http://elsewhere.example/"])("takes %s", (url) => {
    expect(isHttpUrl(url, origin)).toBe(true);
  });

  it.each(["javascript:alert(1)", "Configuration", "", " /", "\u0000/", "data:text/html,x", "http://[::1"])("refuses %o", (url) => {
    expect(isHttpUrl(url, origin)).toBe(false);
  });
});
