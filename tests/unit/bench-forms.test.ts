import { describe, expect, it } from "vitest";
import { fillForm, multipart, readForm } from "../../scripts/bench/forms";

// The bench posts forms as a browser without JavaScript does: what React rendered, a few fields filled in.
const page = `<main><form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="q"/></form>
<form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_4"/><input type="hidden" name="$ACTION_4:0" value="{&quot;id&quot;:&quot;7f6a&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/><input type="hidden" name="$ACTION_KEY" value="k6e66"/>
<input type="date" name="occurredOn" value="2026-09-28" min="2026-09-28"/>
<label><input type="radio" name="with" value="stakeholder" checked=""/>One</label><label><input type="radio" name="with" value="department"/>Group</label>
<input type="checkbox" name="private"/><input type="text" name="locked" value="x" disabled=""/>
<select name="channel"><option value="MEETING">Meeting</option><option value="ONE_ON_ONE" selected="">1:1</option></select>
<select name="stakeholderId"><option value="">Choose…</option><option value="s1">Ann</option></select>
<textarea name="outcome" rows="3">
Tom &amp; Ann &lt;agreed&gt;</textarea><input name="topic"/><button type="submit" name="intent" value="save">Save</button></form></main>`;

describe("the bench's form reader", () => {
  it("reads the form with the named field as a browser submits it", () => {
    expect(readForm(page, "topic")).toEqual([
      ["$ACTION_REF_4", ""],
      ["$ACTION_4:0", '{"id":"7f6a","bound":"$@1"}'],
      ["$ACTION_KEY", "k6e66"],
      ["occurredOn", "2026-09-28"],
      ["with", "stakeholder"],
      ["channel", "ONE_ON_ONE"],
      ["stakeholderId", ""],
      ["outcome", "Tom & Ann <agreed>"],
      ["topic", ""],
    ]);
  });

  it("refuses a form that names no server action", () => {
    expect(() => readForm(page, "q")).toThrow(/names no server action/);
    expect(() => readForm(page, "missing")).toThrow(/No form/);
  });

  it("fills fields in and encodes the form as multipart/form-data", async () => {
    const fields = fillForm(readForm(page, "topic"), { topic: "Q3 \"pipeline\"", stakeholderId: "s1" });
    const { body, contentType } = multipart(fields);
    const parsed = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    expect(parsed.get("$ACTION_4:0")).toBe('{"id":"7f6a","bound":"$@1"}');
    expect(parsed.get("topic")).toBe('Q3 "pipeline"');
    expect(parsed.getAll("stakeholderId")).toEqual(["s1"]);
    expect(parsed.get("outcome")).toBe("Tom & Ann <agreed>");
  });
});
