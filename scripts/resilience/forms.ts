// Posting a page's form as a browser without JavaScript would: React renders
// each server-action form with hidden fields naming the action ($ACTION_REF_n,
// $ACTION_n:0 with the action id, $ACTION_n:1 with the bound state,
// $ACTION_KEY); posting them with the visible fields as multipart form data
// runs the action and answers the re-rendered page (progressive enhancement).
import { z } from "zod";

const ENTITIES: Record<string, string> = { "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };

function decodeAttribute(value: string): string {
  return value.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity]!);
}

// What a form's hidden fields must hold for a post to reach a server action.
const hiddenFieldsSchema = z
  .record(z.string(), z.string())
  .refine((fields) => "$ACTION_KEY" in fields && Object.keys(fields).some((name) => name.startsWith("$ACTION_REF_")), "no server action fields");

/** The hidden fields of the form labelled `label` on `html` (name → value), or null when the page has no such form. */
export function hiddenFields(html: string, label: string): Record<string, string> | null {
  const start = html.indexOf(`aria-label="${label}"`);
  if (start < 0) return null;
  const end = html.indexOf("</form>", start);
  const fields: Record<string, string> = {};
  for (const [input] of html.slice(start, end < 0 ? undefined : end).matchAll(/<input\b[^>]*>/g)) {
    if (!/\btype="hidden"/.test(input)) continue;
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (name) fields[decodeAttribute(name)] = decodeAttribute(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  const parsed = hiddenFieldsSchema.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

/** The multipart body a browser would post for those hidden fields and `values`. */
export function formBody(hidden: Record<string, string>, values: Record<string, string>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...hidden, ...values })) body.append(name, value);
  return body;
}
