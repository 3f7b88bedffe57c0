import { EXPLORER_HINT_ID } from "@/components/charts/axes";
import { ChartExplorer } from "@/components/charts/chart-explorer";
import { markup, type Markup } from "@/components/charts/markup";

// What every chart on a page shares, rendered once: the fill patterns, the
// keyboard hint and the explorer. The chart markup's styles (short class
// names keep years of bars small) are in app/globals.css, cached with it.

const FILLS = {
  firefighting: { colour: "var(--firefighting)", pattern: "hatch" },
  strategy: { colour: "var(--strategy)", pattern: "solid" },
  other: { colour: "var(--other)", pattern: "dots" },
  QUARTER: { colour: "var(--accent)", pattern: "solid" },
  ONE_YEAR: { colour: "var(--accent)", pattern: "hatch" },
  THREE_YEARS: { colour: "var(--accent)", pattern: "dots" },
  FIVE_YEARS: { colour: "var(--accent)", pattern: "cross" },
} as const;

/** Fills differ by pattern as well as colour: hatched firefighting, solid strategy, dotted other. */
export type Fill = keyof typeof FILLS;

export function fillUrl(fill: Fill): string {
  return `url(#chart-fill-${fill})`;
}

/** How a line looks: a token colour, a dash and a marker shape, so lines differ by more than colour. */
export type LineStyle = { stroke: "s-strategy" | "s-firefighting" | "s-accent" | "s-text"; dash?: string; marker: keyof typeof MARKER_SHAPES };

// Point markers, centred on the point. Each (shape, colour) pair the charts
// use is one <marker>, which SVG draws at every vertex of a line: five years
// of points cost no markup of their own.
const MARKER_SHAPES = {
  circle: "M0 -3.5a3.5 3.5 0 1 1 0 7a3.5 3.5 0 1 1 0-7",
  square: "M-3.5 -3.5h7v7h-7z",
  triangle: "M0 -4.5l4.5 8h-9z",
  diamond: "M0 -5l5 5l-5 5l-5-5z",
} as const;

/** Every line the charts draw: the four habit ratings, and the strategy share with its goal. */
export const LINE_STYLES = {
  strategy: { stroke: "s-strategy", marker: "circle" },
  story: { stroke: "s-firefighting", dash: "6 3", marker: "square" },
  relationships: { stroke: "s-accent", dash: "2 3", marker: "triangle" },
  vision: { stroke: "s-text", dash: "8 3 2 3", marker: "diamond" },
  share: { stroke: "s-text", marker: "circle" },
  goal: { stroke: "s-text", dash: "6 4", marker: "circle" },
} as const satisfies Record<string, LineStyle>;

// One <marker> per (shape, colour) pair in use, so none is missing or unused.
const MARKERS = [...new Map(Object.values(LINE_STYLES).map((style) => [markerUrl(style), style])).values()];

export function markerUrl(style: Pick<LineStyle, "marker" | "stroke">): string {
  return `url(#chart-mark-${style.marker}-${style.stroke})`;
}

// The pattern of each fill, drawn over its colour, in an 8×8 tile.
const PATTERNS = {
  solid: null,
  hatch: markup`<path d='M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6' stroke-width='2' style='stroke:var(--surface)'/>`,
  dots: markup`<circle cx='2' cy='2' r='1.2' style='fill:var(--surface)'/><circle cx='6' cy='6' r='1.2' style='fill:var(--surface)'/>`,
  cross: markup`<path d='M0 4 H8 M4 0 V8' stroke-width='1.2' style='stroke:var(--surface)'/>`,
} satisfies Record<(typeof FILLS)[Fill]["pattern"], Markup | null>;

// The same for every page and request: built once, sent as one element.
const DEFS = markup`<defs>${Object.entries(FILLS).map(
  ([key, fill]) =>
    markup`<pattern id='chart-fill-${key}' width='8' height='8' patternUnits='userSpaceOnUse'><rect width='8' height='8' style='fill:${fill.colour}'/>${PATTERNS[fill.pattern]}</pattern>`,
)}${MARKERS.map(
  (style) =>
    markup`<marker id='chart-mark-${style.marker}-${style.stroke}' viewBox='-6 -6 12 12' markerWidth='12' markerHeight='12' markerUnits='userSpaceOnUse' overflow='visible'><path d='${MARKER_SHAPES[style.marker]}' class='chart-mark ${style.stroke}'/></marker>`,
)}</defs>`;

/** Render once per page, before the charts: fill patterns, and the explorer that shows values on hover and focus. */
export function ChartDefs() {
  return (
    <>
      <p id={EXPLORER_HINT_ID} className="sr-only">
        Use the left and right arrow keys to read each bar&apos;s values; Show as table, below each chart, lists the same numbers.
      </p>
      <ChartExplorer />
      <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute" dangerouslySetInnerHTML={{ __html: DEFS.html }} />
    </>
  );
}

/** A legend's sample of a fill. */
export function swatch(fill: Fill): Markup {
  return markup`<svg width='14' height='14' viewBox='0 0 14 14' aria-hidden='true' focusable='false'><rect x='0.5' y='0.5' width='13' height='13' rx='2' fill='${fillUrl(fill)}' class='stroke-border-strong'/></svg>`;
}
