import type { Metadata } from "next";
import { SharedStoryFrame, SharedStoryUnavailable } from "@/components/story/shared-story";
import { StoryPackView } from "@/components/story/story-pack";
import { dashboardViewSchema } from "@/lib/dashboard/view";
import { formatDateOnly, todayIn } from "@/lib/shared/dates";
import { retryAfterInWords } from "@/lib/server/rate-limit";
import { getSharedStoryPack, sharedStoryPath } from "@/lib/story/share-links";

// The address is the secret: no referrer leaves this page, and no search engine keeps it
// (proxy.ts sends the same as headers: lib/config/security-headers.ts).
export const metadata: Metadata = { title: "Quarterly story", referrer: "no-referrer", robots: { index: false, follow: false } };

/**
 * A quarter's story shared by link, for a reader without an account. Outside
 * the signed-in app: no navigation, no other quarter, and the pack's sources
 * (weeks, touchpoints, notes) as plain text. Whether the link opens anything
 * is decided in lib/story/share-links.ts.
 */
type Props = { params: Promise<{ token: string }>; searchParams?: Promise<{ tables?: string | string[] }> };

export default async function SharedStoryPage({ params, searchParams }: Props) {
  const { token } = await params;
  // "Show as table" under a chart opens this page again with its numbers as tables.
  const { tables } = dashboardViewSchema.parse((await searchParams) ?? {});
  const shared = await getSharedStoryPack(token, { as: "page" });

  if (shared.kind === "limited") {
    return (
      <SharedStoryUnavailable title="Too many tries">
        <p>This network has opened too many links that do not work. Try again in {retryAfterInWords(shared.retryAfterSeconds)}.</p>
      </SharedStoryUnavailable>
    );
  }
  if (shared.kind === "invalid") {
    return (
      <SharedStoryUnavailable title="This link does not work">
        <p>It may have expired or been revoked, or it was copied only in part. Ask the person who shared it with you for a new link.</p>
      </SharedStoryUnavailable>
    );
  }

  const { pack, ownerName, expiresAt } = shared;
  const here = sharedStoryPath(token);
  return (
    <SharedStoryFrame
      title={`${ownerName ? `${ownerName}'s` : "A"} quarterly story: ${pack.name}`}
      byline={`${pack.months}${pack.inProgress ? ", so far" : ""}. Shared read-only from Wheelhouse; this link works until ${formatDateOnly(todayIn(pack.calendar.timeZone, expiresAt), { day: "numeric", month: "long", year: "numeric" })}.`}
      markdownHref={`${here}/story.md`}
    >
      <StoryPackView pack={pack} links={null} chartsPath={`${here}/charts`} tables={tables} />
    </SharedStoryFrame>
  );
}
