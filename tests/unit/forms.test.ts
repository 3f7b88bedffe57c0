import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, formValues, invalidState } from "@/lib/shared/forms";

describe("form state helpers", () => {
  it("reads FormData as strings, lists for repeated fields, and skips Next's action fields", () => {
    const data = new FormData();
    data.append("name", "Ada");
    data.append("tag", "a");
    data.append("tag", "b");
    data.append("$ACTION_ID_abc", "");
    expect(formValues(data)).toEqual({ name: "Ada", tag: ["a", "b"] });
  });

  it("maps zod issues to fields, keeping what the user typed", () => {
    const schema = z.object({ hours: z.coerce.number().max(168, "At most 168 hours."), name: z.string().min(1, "Required.") });
    const values = { hours: "169", name: "" };
    const parsed = schema.safeParse(values);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOf(parsed.error)).toEqual({ hours: ["At most 168 hours."], name: ["Required."] });
    const state = invalidState(parsed.error, values);
    expect(state).toMatchObject({ status: "error", message: "Please fix the 2 fields below.", values });
  });
});
