import { fillUrl } from "@/components/charts/chart-paint";
import { markup, type Markup } from "@/components/charts/markup";
import type { TimeCategory } from "@/lib/shared/vocabulary";

// As the charts stack them: strategy first, where its growth is easiest to see.
const ORDER: TimeCategory[] = ["strategy", "other", "firefighting"];
const WIDTH = 120;
const HEIGHT = 12;

/**
 * A week's hours as one small bar in the charts' fills (solid strategy,
 * dotted other, hatched firefighting; the page renders FillDefs once). A
 * picture only: the numbers are in the text beside it.
 */
export function splitBarMarkup(minutes: Record<TimeCategory, number>): Markup {
  const total = ORDER.reduce((sum, category) => sum + minutes[category], 0);
  let x = 0;
  const parts =
    total > 0
      ? ORDER.map((category) => {
          const width = (minutes[category] / total) * WIDTH;
          const rect = markup`<rect x="${x}" y="0" width="${width}" height="${HEIGHT}" fill="${fillUrl(category)}"></rect>`;
          x += width;
          return rect;
        })
      : [];
  return markup`<svg width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false" class="shrink-0">${parts}<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${HEIGHT - 1}" rx="2" fill="none" class="stroke-border-strong"></rect></svg>`;
}
