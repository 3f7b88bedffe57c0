import { unsubscribeTokenSchema } from "@/lib/reminders/preferences.validation";
import { unsubscribe } from "@/lib/reminders/unsubscribe";

// The List-Unsubscribe address of every non-transactional email (RFC 8058).
// A mail client's one-click POST comes with no cookie and no Origin of ours:
// the signed token is the whole authority, and it can only turn one kind of
// email off. A route handler, not a server action, for that reason. A GET
// (someone opening the link) changes nothing and shows the page with a button.

/** To the page, by a relative address: right behind any proxy. */
function toPage(token: string): Response {
  return new Response(null, { status: 303, headers: { Location: `/unsubscribe/${encodeURIComponent(token)}`, "Cache-Control": "no-store" } });
}

const NOT_A_LINK = () => new Response("This unsubscribe link does not work.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = unsubscribeTokenSchema.safeParse((await params).token);
  return token.success ? toPage(token.data) : NOT_A_LINK();
}

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const parsed = unsubscribeTokenSchema.safeParse((await params).token);
  if (!parsed.success) return NOT_A_LINK();
  const token = parsed.data;
  const result = await unsubscribe(token);
  // The page's own button: back to the page, which now says it is done (or why not).
  if (request.headers.get("sec-fetch-mode") === "navigate" || (request.headers.get("accept") ?? "").includes("text/html")) {
    return toPage(token);
  }
  const answer = { valid: [200, "Unsubscribed."], expired: [410, "This unsubscribe link has expired; change your emails in Wheelhouse's Settings."], invalid: [404, "This unsubscribe link does not work."] } as const;
  const [status, text] = answer[result.status];
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
