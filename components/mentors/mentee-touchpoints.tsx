import { menteeTouchpointRows } from "@/components/touchpoints/touchpoint-rows";
import type { Touchpoint } from "@/lib/touchpoints";

/** Touchpoints, read-only (the leader's own list has edit and delete), as markup (decision record 034). */
export function MenteeTouchpoints({ touchpoints, emptyMessage }: { touchpoints: readonly Touchpoint[]; emptyMessage: string }) {
  if (touchpoints.length === 0) return <p className="text-sm text-muted">{emptyMessage}</p>;
  // Built by touchpoint-rows.ts, which escapes every value it interpolates.
  return <div dangerouslySetInnerHTML={{ __html: menteeTouchpointRows(touchpoints).html }} />;
}
