import Link from "next/link";
import { nextQuarter, quarterName, type QuarterKey } from "@/lib/shared/quarters";
import type { StoryPack } from "@/lib/story/pack";

/** Earlier quarters to open, and the next one back towards the running quarter. */
export function QuarterNav({ pack, hrefOf }: { pack: Pick<StoryPack, "quarter" | "inProgress" | "earlier">; hrefOf: (quarter: QuarterKey) => string }) {
  return (
    <nav aria-label="Quarters" className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <span className="text-muted">Earlier quarters:</span>
      {pack.earlier.map((quarter) => (
        <Link key={quarter} href={hrefOf(quarter)} className="text-accent underline-offset-2 hover:underline">
          {quarterName(quarter)}
        </Link>
      ))}
      {pack.inProgress ? null : (
        <Link href={hrefOf(nextQuarter(pack.quarter))} className="font-medium text-accent underline-offset-2 hover:underline">
          {quarterName(nextQuarter(pack.quarter))} →
        </Link>
      )}
    </nav>
  );
}
