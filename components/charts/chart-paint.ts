import { markup, type Markup } from "@/components/charts/markup";

// The paint every chart shares: fills with patterns and lines with markers,
// defined once in every chart image (CHART_DEFS) and the fills once in each
// page for its legends (FILL_DEFS). Paint is given inline as colour tokens
// (`var(--strategy)`), so the same definitions follow the theme in the page
// and in a chart image, which defines the tokens itself
// (components/charts/chart-document.ts).

/** The colour tokens charts paint with (app/globals.css). */
export type ChartColour = "firefighting" | "strategy" | "other" | "accent" | "text" | "habit-strategy" | "habit-story" | "habit-relationships";

const FILLS = {
  firefighting: { colour: "firefighting", pattern: "hatch" },
  strategy: { colour: "strategy", pattern: "solid" },
  other: { colour: "other", pattern: "dots" },
  QUARTER: { colour: "accent", pattern: "solid" },
  ONE_YEAR: { colour: "accent", pattern: "hatch" },
  THREE_YEARS: { colour: "accent", pattern: "dots" },
  FIVE_YEARS: { colour: "accent", pattern: "cross" },
} as const satisfies Record<string, { colour: ChartColour; pattern: string }>;

/** Fills differ by pattern as well as colour: hatched firefighting, solid strategy, dotted other. */
export type Fill = keyof typeof FILLS;

export function fillUrl(fill: Fill): string {
  return `url(#chart-fill-${fill})`;
}

/** How a line looks: a colour, a dash and a marker shape, so lines differ by more than colour. */
export type LineStyle = { stroke: ChartColour; dash?: string; marker: keyof typeof MARKER_SHAPES };

// Point markers, centred on the point. Each (shape, colour) pair the charts
// use is one <marker>, which SVG draws at every vertex of a line: five years
// of points cost no markup of their own.
const MARKER_SHAPES = {
  circle: "M0 -3.5a3.5 3.5 0 1 1 0 7a3.5 3.5 0 1 1 0-7",
  square: "M-3.5 -3.5h7v7h-7z",
  triangle: "M0 -4.5l4.5 8h-9z",
  diamond: "M0 -5l5 5l-5 5l-5-5z",
} as const;

/**
 * Every line the charts draw with points: the four habit ratings, in colours
 * of their own (the time categories' colours mean those categories only), and
 * the strategy share.
 */
export const LINE_STYLES = {
  strategy: { stroke: "habit-strategy", marker: "circle" },
  story: { stroke: "habit-story", dash: "6 3", marker: "square" },
  relationships: { stroke: "habit-relationships", dash: "2 3", marker: "triangle" },
  vision: { stroke: "text", dash: "8 3 2 3", marker: "diamond" },
  share: { stroke: "text", marker: "circle" },
} as const satisfies Record<string, LineStyle>;

// One <marker> per (shape, colour) pair in use, so none is missing or unused.
const MARKERS = [...new Map(Object.values(LINE_STYLES).map((style) => [markerUrl(style), style])).values()];

export function markerUrl(style: Pick<LineStyle, "marker" | "stroke">): string {
  return `url(#chart-mark-${style.marker}-${style.stroke})`;
}

/** A line in its style through `d`, with its marker at every vertex (or none, for a legend's sample). */
export function linePath(style: LineStyle, d: string, markers = true): Markup {
  const url = markerUrl(style);
  return markup`<path d='${d}' style='fill:none;stroke-width:2;stroke:var(--${style.stroke})'${
    markers ? markup` marker-start='${url}' marker-mid='${url}' marker-end='${url}'` : null
  }${style.dash ? markup` stroke-dasharray='${style.dash}'` : null}/>`;
}

/** A line's marker shape, centred on (0, 0) unless moved by `transform`. */
function markerShape(style: LineStyle, transform?: string): Markup {
  return markup`<path d='${MARKER_SHAPES[style.marker]}'${transform ? markup` transform='${transform}'` : null} style='fill:var(--surface);stroke:var(--${style.stroke});stroke-width:2'/>`;
}

// The pattern of each fill, drawn over its colour, in an 8×8 tile.
const PATTERNS = {
  solid: null,
  hatch: markup`<path d='M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6' stroke-width='2' style='stroke:var(--surface)'/>`,
  dots: markup`<circle cx='2' cy='2' r='1.2' style='fill:var(--surface)'/><circle cx='6' cy='6' r='1.2' style='fill:var(--surface)'/>`,
  cross: markup`<path d='M0 4 H8 M4 0 V8' stroke-width='1.2' style='stroke:var(--surface)'/>`,
} satisfies Record<(typeof FILLS)[Fill]["pattern"], Markup | null>;

/** Every fill, for a chart image and for a page's legends: the same for every chart, built once. */
export const FILL_DEFS = markup`<defs>${Object.entries(FILLS).map(
  ([key, fill]) =>
    markup`<pattern id='chart-fill-${key}' width='8' height='8' patternUnits='userSpaceOnUse'><rect width='8' height='8' style='fill:var(--${fill.colour})'/>${PATTERNS[fill.pattern]}</pattern>`,
)}</defs>`;

/** Every fill and line marker, for a chart image. */
export const CHART_DEFS = markup`${FILL_DEFS}<defs>${MARKERS.map(
  (style) =>
    markup`<marker id='chart-mark-${style.marker}-${style.stroke}' viewBox='-6 -6 12 12' markerWidth='12' markerHeight='12' markerUnits='userSpaceOnUse' overflow='visible'>${markerShape(style)}</marker>`,
)}</defs>`;

/** A legend's sample of a fill. */
export function swatch(fill: Fill): Markup {
  return markup`<svg width='14' height='14' viewBox='0 0 14 14' aria-hidden='true' focusable='false'><rect x='0.5' y='0.5' width='13' height='13' rx='2' fill='${fillUrl(fill)}' class='stroke-border-strong'/></svg>`;
}

/** A legend's sample of a goal's line (dashed, no points; drawn by the `goal` class in a chart image). */
export const GOAL_SAMPLE = markup`<svg width='22' height='12' viewBox='0 0 22 12' aria-hidden='true' focusable='false'><path d='M1 6H21' style='fill:none;stroke-width:1.5;stroke:var(--text)' stroke-dasharray='6 4'/></svg>`;

/** A legend's sample of a line: its dash and one marker in its middle. */
export function lineSample(style: LineStyle): Markup {
  return markup`<svg width='22' height='12' viewBox='0 0 22 12' aria-hidden='true' focusable='false' class='overflow-visible'>${linePath(style, "M1 6H21", false)}${markerShape(style, "translate(11 6)")}</svg>`;
}
