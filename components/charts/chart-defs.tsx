import { ChartExplorer } from "@/components/charts/chart-explorer";
import { EXPLORER_HINT_ID } from "@/components/charts/chart-figure";
import { FILL_DEFS } from "@/components/charts/chart-paint";

/** Render once per page, before the charts: the legends' fills, and the explorer that shows values on hover and focus. */
export function ChartDefs() {
  return (
    <>
      <p id={EXPLORER_HINT_ID} className="sr-only">
        Use the left and right arrow keys to read each bar&apos;s values; Show as table, below each chart, lists the same numbers.
      </p>
      <ChartExplorer />
      <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute" dangerouslySetInnerHTML={{ __html: FILL_DEFS.html }} />
    </>
  );
}
