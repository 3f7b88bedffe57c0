// A form as a browser without JavaScript submits it: the fields the server
// rendered (React's hidden `$ACTION_…` fields that name the server action
// among them) with their values, a few of them filled in, posted as
// multipart/form-data to the page the form is on.
import { randomBytes } from "node:crypto";

export type FormFields = [name: string, value: string][];

const decode = (text: string) =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s/>])`, "i").exec(tag);
  return match ? decode(match[1] ?? "") : null;
}

/**
 * The fields of the form in `html` that has a field named `fieldName`, as a
 * browser would submit it: inputs (checked ones only for checkboxes and
 * radios; no buttons), textareas and selects (the selected option, else the
 * first), disabled ones left out.
 */
export function readForm(html: string, fieldName: string): FormFields {
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)].map(([, inner = ""]) => inner).find((inner) => inner.includes(`name="${fieldName}"`));
  if (!form) throw new Error(`No form with a field named "${fieldName}"`);
  const fields: FormFields = [];
  for (const [control, tag = "", content = ""] of form.matchAll(/<(input|textarea|select)\b[^>]*>(?:([\s\S]*?)<\/\1>)?/gi)) {
    const open = /^<[^>]*>/.exec(control)![0];
    const name = attribute(open, "name");
    if (name === null || attribute(open, "disabled") !== null) continue;
    if (tag.toLowerCase() === "textarea") fields.push([name, decode(content).replace(/^\n/, "")]);
    else if (tag.toLowerCase() === "select") {
      const options = [...content.matchAll(/<option\b[^>]*>/gi)].map(([option]) => option);
      const chosen = options.find((option) => attribute(option, "selected") !== null) ?? options[0];
      fields.push([name, chosen ? (attribute(chosen, "value") ?? "") : ""]);
    } else {
      const type = (attribute(open, "type") ?? "text").toLowerCase();
      if (["submit", "button", "reset", "image", "file"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && attribute(open, "checked") === null) continue;
      fields.push([name, attribute(open, "value") ?? (type === "checkbox" || type === "radio" ? "on" : "")]);
    }
  }
  if (!fields.some(([name]) => name.startsWith("$ACTION"))) throw new Error(`The form with "${fieldName}" names no server action`);
  return fields;
}

/** `fields` with each of `changes` set (replacing every field of that name, or added). */
export function fillForm(fields: FormFields, changes: Record<string, string>): FormFields {
  const filled: FormFields = fields.filter(([name]) => !(name in changes));
  for (const [name, value] of Object.entries(changes)) filled.push([name, value]);
  return filled;
}

export type Multipart = { body: Buffer; contentType: string };

/** The multipart/form-data body a browser sends for `fields`. */
export function multipart(fields: FormFields): Multipart {
  const boundary = `----WebKitFormBoundary${randomBytes(12).toString("base64url")}`;
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replaceAll('"', "%22")}"\r\n\r\n${value.replace(/\r?\n/g, "\r\n")}\r\n`,
  );
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}
