import { LinkButton } from "@/components/ui/button";
import type { WeekPlace } from "@/lib/weeks";

type Props = {
  place: Pick<WeekPlace, "startsOn" | "previous" | "next" | "currentStart">;
  /** Where the weeks live: the leader's own, or a mentee's under /mentees. */
  basePath?: string;
  /** The list of every week, when the viewer has one (the leader's /weeks). */
  allWeeksHref?: string;
};

/** Previous and next week, a way back to the current one from anywhere else, and to the list of them all. */
export function WeekNav({ place, basePath = "/weeks", allWeeksHref }: Props) {
  return (
    <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
      <LinkButton variant="secondary" href={`${basePath}/${place.previous}`} rel="prev">
        <span aria-hidden="true">←</span> Previous week
      </LinkButton>
      {place.startsOn === place.currentStart ? null : (
        <LinkButton variant="ghost" href={`${basePath}/${place.currentStart}`}>
          This week
        </LinkButton>
      )}
      <LinkButton variant="secondary" href={`${basePath}/${place.next}`} rel="next">
        Next week <span aria-hidden="true">→</span>
      </LinkButton>
      {allWeeksHref ? (
        <LinkButton variant="ghost" href={allWeeksHref}>
          All weeks
        </LinkButton>
      ) : null}
    </nav>
  );
}
