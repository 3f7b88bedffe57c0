import { markup } from "@/components/charts/markup";
import { MarkupList } from "@/components/ui/markup-list";
import { TIME_ZONE_OPTIONS_ID, timeZoneOptions } from "@/lib/shared/time-zones";

/**
 * The time zone field's ~420 suggestions, rendered on the server as one markup string
 * (decision record 037): inside the client form they were sent as props and again as
 * elements. The field finds them by id, wherever they are on the page; the page puts them last.
 */
export function TimeZoneSuggestions() {
  // The shortest markup that says it: single quotes (not escaped again in the payload), the label as the text, no end tag.
  const options = timeZoneOptions().map((zone) => markup`<option value='${zone.value}'>${zone.label}`);
  return <MarkupList as="datalist" id={TIME_ZONE_OPTIONS_ID} markup={markup`${options}`} />;
}
