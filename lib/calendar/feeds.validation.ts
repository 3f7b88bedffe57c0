// Calendar feeds (issue 15): the address a leader subscribes to, as the form
// sends it, and how the page shows it. Shared by the form and the server.
import { z } from "zod";
import { idSchema } from "@/lib/shared/form-schemas";

/** Feeds one user may subscribe to: a leader has a work calendar or two, not dozens. */
export const MAX_FEEDS = 10;
/** Longer than any calendar's secret address we know of (Google's are about 150 characters). */
export const MAX_FEED_ADDRESS = 2_048;

export const feedIdSchema = idSchema("That calendar feed could not be found.");

const PASTE = "Paste your calendar's secret address: it starts with https:// or webcal://.";

/**
 * The address as it is fetched: webcal:// is https:// by another name. Plain
 * http:// passes here only for the fetcher to refuse it (in words, at the same
 * field) unless an operator allowed that server (CALENDAR_FEED_ALLOWED_HOSTS).
 */
export function normalizeFeedAddress(address: string): string {
  const trimmed = address.trim();
  return /^webcal:\/\//i.test(trimmed) ? `https://${trimmed.slice("webcal://".length)}` : trimmed;
}

export const feedAddressSchema = z.object({
  address: z
    .string({ error: PASTE })
    .trim()
    .min(1, PASTE)
    .max(MAX_FEED_ADDRESS, `That address is longer than ${MAX_FEED_ADDRESS.toLocaleString("en-GB")} characters. Copy the calendar's secret address again.`)
    .transform((address, context) => {
      let url: URL;
      try {
        url = new URL(normalizeFeedAddress(address));
      } catch {
        context.addIssue({ code: "custom", message: PASTE });
        return z.NEVER;
      }
      if (!["https:", "http:"].includes(url.protocol) || url.hostname === "") {
        context.addIssue({ code: "custom", message: PASTE });
        return z.NEVER;
      }
      if (url.username !== "" || url.password !== "") {
        context.addIssue({ code: "custom", message: "Leave the name and password out of the address: use the calendar's secret address instead." });
        return z.NEVER;
      }
      url.hash = "";
      return url.href;
    }),
});

/**
 * What the page shows of an address: its host and the last 4 characters of
 * its secret part ("calendar.google.com …9f3a"), enough to tell two feeds
 * apart and not to read either. The secret part is the address without its
 * file name (Google's all end in "basic.ics"); one too short to spare 4
 * characters shows none.
 */
export function feedAddressHint(address: string): string {
  let url: URL;
  try {
    url = new URL(normalizeFeedAddress(address));
  } catch {
    return "calendar feed";
  }
  const rest = `${url.pathname.replace(/\/+$/, "").replace(/\/[^/]*\.ics$/i, "")}${url.search}`;
  return rest.length >= 12 ? `${url.host} …${rest.slice(-4)}` : url.host;
}
