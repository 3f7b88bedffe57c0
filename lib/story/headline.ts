// The quarterly story's headline: one sentence that states the finding. Pure, so unit-tested.
import "server-only";
import { percent } from "@/lib/dashboard/figures";

/** One sentence: the quarter's strategy share against the previous quarter and the goal. */
export function headlineFinding(share: number | null, previousShare: number | null, goal: number | null, inProgress: boolean): string {
  const quarter = inProgress ? "this quarter so far" : "this quarter";
  if (share === null) return `No hours logged ${quarter} yet.`;
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
        ? `, meeting your ${percent(goal)} goal`
        : `, ${points(goal, share)} points short of your ${percent(goal)} goal`;
  return `Strategy took ${percent(share)} of your logged hours ${quarter}${change}${against}.`;
}
