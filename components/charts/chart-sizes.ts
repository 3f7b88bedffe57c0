import { CHART_SIZES, type ChartSize } from "@/lib/dashboard/view";

// Which drawing a chart's box shows at each viewport width. A chart image
// scales to its box, and its labels with it: 12-unit labels stay at least
// 12 px where the drawing is no wider (in units) than the box (in CSS pixels).
// So the page offers each box the widest drawing that is no wider than the
// box can be at that viewport width, by media queries (<source media>, which
// the browser evaluates before layout; srcset's `w` descriptors would pick by
// device pixels instead, and draw the labels smaller on a sharper screen).
// The widths below follow the page's layout; tests/e2e/dashboard.spec.ts
// measures every chart's labels at widths from 360 to 1440 px.

/** Where a chart's figure sits: a card across the page, or one of the dashboard's two columns from `xl` on (its `xl:grid-cols-2`). */
export type ChartColumn = "page" | "half";

/** A figure's column, and whether it shows its charts side by side from `md` on (chartFigure's `md:grid-cols-2`). */
export type ChartPlacement = { column: ChartColumn; split: boolean };

const PX = 1 / 16;
// `.chart`'s max-width (app/globals.css), in rem: a chart across a wide page stops growing.
const MAX_WIDTH = 56;

/**
 * The width of a chart's box, in rem, at a viewport `viewport` rem wide:
 * components/app/app-shell.tsx (main's padding, the sidebar from `lg`), the
 * pages' `max-w-6xl` and two columns, components/ui/card.tsx, chartFigure's
 * panels and `.chart`'s max-width. A classic scrollbar is
 * taken off the viewport, to be safe.
 */
export function chartBoxWidth(viewport: number, { column, split }: ChartPlacement): number {
  const sm = viewport >= 40;
  const layout = viewport - 1;
  const main = Math.min(72, layout - (viewport >= 64 ? 15 + PX : 0) - (sm ? 4 : 2));
  const card = column === "half" && viewport >= 80 ? (main - 1.5) / 2 : main;
  const figure = card - 2 * PX - (sm ? 3 : 2.5);
  const panel = split && viewport >= 48 ? (figure - 1) / 2 : figure;
  return Math.min(MAX_WIDTH, panel);
}

/** One choice of drawing: for viewports up to `maxWidth` rem (none: any wider), after the choices before it. */
export type SizeChoice = { maxWidth: number | null; size: ChartSize };

/** The widest drawing no wider than `px` CSS pixels (the narrowest when none is). */
function sizeFor(px: number): ChartSize {
  return CHART_SIZES.reduce<ChartSize>((chosen, size) => (size <= px ? size : chosen), CHART_SIZES[0]);
}

// Viewports from 320 px to 1920 px, past which nothing in the layout changes.
const FROM = 320;
const TO = 1920;

/**
 * The drawings a chart in `placement` is shown in, by viewport width, in the
 * order a <picture> tries them: the first whose `maxWidth` the viewport is
 * within; the last (no `maxWidth`) is the <img>.
 */
function choicesFor(placement: ChartPlacement): SizeChoice[] {
  const choices: SizeChoice[] = [];
  let current = sizeFor(chartBoxWidth(FROM / 16, placement) * 16);
  for (let px = FROM + 1; px <= TO; px += 1) {
    const size = sizeFor(chartBoxWidth(px / 16, placement) * 16);
    if (size !== current) {
      // Half a pixel past the last width that wants `current`: browsers zoomed in have fractional widths.
      choices.push({ maxWidth: (px - 0.5) / 16, size: current });
      current = size;
    }
  }
  choices.push({ maxWidth: null, size: current });
  return choices;
}

const CHOICES = new Map<string, SizeChoice[]>();

/** `choicesFor`, worked out once per placement. */
export function sizeChoices(placement: ChartPlacement): SizeChoice[] {
  const key = `${placement.column} ${placement.split}`;
  let choices = CHOICES.get(key);
  if (!choices) CHOICES.set(key, (choices = choicesFor(placement)));
  return choices;
}

/** The media query of a choice with a `maxWidth`. */
export function sizeMedia(maxWidth: number): string {
  return `(max-width: ${Math.round(maxWidth * 10000) / 10000}rem)`;
}
