// The quarterly story's headline: one sentence that states the finding. Pure, so unit-tested.
import "server-only";
import { percent } from "@/lib/dashboard/figures";

/**
 * Who reads the pack: its owner, spoken to ("your logged hours"), or someone
 * else (a mentor, a CEO through a shared link, the printout or Markdown they
 * keep), who reads of the leader's hours without a "your" that is not theirs.
 */
export type Reader = "owner" | "other";

/** One sentence: the quarter's strategy share against the previous quarter and the goal. */
export function headlineFinding(share: number | null, previousShare: number | null, goal: number | null, inProgress: boolean, reader: Reader): string {
  const quarter = inProgress ? "this quarter so far" : "this quarter";
  if (share === null) return `No hours logged ${quarter} yet.`;
  const whose = reader === "owner" ? "your" : "the";
  const points = (a: number, b: number) => Math.round(a * 100) - Math.round(b * 100);
  const change =
    previousShare === null
      ? ""
      : points(share, previousShare) > 0
        ? `, up from ${percent(previousShare)} the quarter before`
        : points(share, previousShare) < 0
          ? `, down from ${percent(previousShare)} the quarter before`
          : `, the same as the quarter before`;
  const against =
    goal === null
      ? ""
      : points(share, goal) >= 0
        ? `, meeting ${whose} ${percent(goal)} goal`
        : `, ${points(goal, share)} points short of ${whose} ${percent(goal)} goal`;
  const hours = reader === "owner" ? "your logged hours" : "the leader's logged hours";
  return `Strategy took ${percent(share)} of ${hours} ${quarter}${change}${against}.`;
}
