// Shared pieces of our HTML emails. Every value that comes from data is escaped.
import "server-only";

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The footer of a non-transactional email: why it came, and the link that stops that kind. */
export type UnsubscribeFooter = { why: string; url: string };

/** The footer's words in the text part. */
export function unsubscribeText({ why, url }: UnsubscribeFooter): string {
  return `${why} Stop these emails: ${url}`;
}

export function emailHtml({ heading, paragraphs, action, unsubscribe }: {
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  unsubscribe?: UnsubscribeFooter;
}): string {
  const body = paragraphs
    .map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`)
    .join("");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1f4fd1;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(action.label)}</a></p>`
    : "";
  const footer = unsubscribe
    ? `<p style="margin:24px 0 0;font-size:12px;color:#5b616b">${escapeHtml(unsubscribe.why)} <a href="${escapeHtml(unsubscribe.url)}" style="color:#5b616b">Unsubscribe</a></p>`
    : "";
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f6f7f9;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif;color:#1a1d21"><div style="max-width:32rem;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px"><h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>${body}${button}${footer}<p style="margin:24px 0 0;font-size:12px;color:#5b616b">Wheelhouse</p></div></body></html>`;
}
