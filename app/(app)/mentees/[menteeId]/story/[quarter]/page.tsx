import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuarterNav } from "@/components/story/quarter-nav";
import { RatingsForm } from "@/components/story/ratings-form";
import { StoryPackView, type StoryLinks } from "@/components/story/story-pack";
import { PageHeader } from "@/components/ui/page-header";
import { dashboardViewSchema } from "@/lib/dashboard/view";
import { getMenteeStoryPack, menteeName } from "@/lib/mentoring/mentor-access";
import { quarterKeySchema } from "@/lib/shared/quarters";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { requireViewer } from "@/lib/server/viewer";
import { noRatings } from "@/lib/story/pack";
import { saveMentorRatingsAction } from "../../../actions";
import { accessEndedOrNotFound } from "../../../access-ended";

export const metadata: Metadata = { title: "Mentee's quarterly story" };

type Props = { params: Promise<{ menteeId: string; quarter: string }>; searchParams: Promise<{ tables?: string | string[] }> };

/** A mentee's quarterly story as they share it, read-only, with the mentor's own ratings beside theirs. */
export default async function MenteeStoryPage({ params, searchParams }: Props) {
  const { menteeId, quarter: requested } = await params;
  const quarter = quarterKeySchema.safeParse(requested);
  if (!quarter.success) notFound();
  const viewer = await requireViewer();
  const { tables } = dashboardViewSchema.parse(await searchParams);
  const data = await getMenteeStoryPack(viewer, menteeId, quarter.data);
  // Ended access says so; a quarter that has not begun is missing like any other page.
  if (!data) return accessEndedOrNotFound(viewer, menteeId);
  const { access, pack } = data;
  const name = menteeName(access);
  const menteePath = `/mentees/${encodeURIComponent(menteeId)}`;
  const links: StoryLinks = {
    week: (startsOn) => `${menteePath}/weeks/${startsOn}`,
    // A touchpoint shows in the mentee's week that holds it.
    touchpoint: (touchpoint) => `${menteePath}/weeks/${touchpoint.occurredOn}`,
    note: (id) => `${menteePath}/notes/${encodeURIComponent(id)}`,
  };
  const mine = pack.assessment.mentors.find((mentor) => mentor.mentorshipId === access.mentorshipId)?.ratings ?? noRatings();
  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-4 text-sm">
        <Link href={menteePath} className="text-accent underline-offset-2 hover:underline">
          ← {name}
        </Link>
      </p>
      <PageHeader
        title={`${name}'s story, ${pack.name}`}
        description={`${pack.months}${pack.inProgress ? " (so far)" : ""}, ${formatTimeZone(pack.calendar.timeZone)} time. What ${name} shares with you.`}
      />
      <QuarterNav pack={pack} hrefOf={(q) => `${menteePath}/story/${q}`} />
      <StoryPackView
        pack={pack}
        links={links}
        chartsPath={`${menteePath}/story/${pack.quarter}/charts`}
        tables={tables}
        mentorRatingForm={<RatingsForm key={pack.quarter} action={saveMentorRatingsAction} quarter={pack.quarter} ratings={mine} mentee={{ id: menteeId, name }} />}
      />
    </div>
  );
}
