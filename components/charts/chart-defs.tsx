import { ChartExplorer } from "@/components/charts/chart-explorer";
import { EXPLORER_HINT_ID } from "@/components/charts/chart-figure";
import { FillDefs } from "@/components/charts/fill-defs";

/** Render once per page (anywhere in it: the explorer listens on the document): the legends' fills, and the explorer that shows values on hover and focus. */
export function ChartDefs() {
  return (
    <>
      <p id={EXPLORER_HINT_ID} className="sr-only">
        Use the left and right arrow keys to read each bar&apos;s values; Show as table, below each chart, lists the same numbers.
      </p>
      <ChartExplorer />
      <FillDefs />
    </>
  );
}
