import { FILL_DEFS } from "@/components/charts/chart-paint";

/** The chart fills (hatched firefighting, solid strategy, dotted other…), for a page that paints with them outside a chart image. Once per page. */
export function FillDefs() {
  return <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute" dangerouslySetInnerHTML={{ __html: FILL_DEFS.html }} />;
}
