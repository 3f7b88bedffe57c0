import type { ChartDrawing } from "@/components/charts/axes";
import { CHART_DEFS } from "@/components/charts/chart-paint";
import { markup } from "@/components/charts/markup";

// A chart is its own SVG document, shown in the page as an image: the browser
// caches it, and a dashboard page carries none of its markup (which, inline,
// cost the server more than the rest of the page together, since every byte
// of a page goes out twice: in the HTML and in the RSC payload). An image sees
// none of the page's styles, so it brings its own, with the colour tokens of
// both themes (docs/decisions/013-charts-as-images.md).

/**
 * The tokens charts paint with, as app/globals.css defines them for each
 * theme (tests/unit/chart-document.test.ts holds the two equal).
 */
export const CHART_TOKENS = {
  light: {
    surface: "#ffffff",
    "surface-muted": "#f0f0ed",
    text: "#1b1d21",
    muted: "#575c66",
    border: "#dcdcd7",
    "border-strong": "#b5b6b0",
    accent: "#1f4fd1",
    "accent-text": "#ffffff",
    firefighting: "#b34700",
    strategy: "#0072b2",
    other: "#6b6f76",
    "habit-strategy": "#007a5a",
    "habit-story": "#a8437f",
    "habit-relationships": "#6a4fc9",
  },
  dark: {
    surface: "#191b1e",
    "surface-muted": "#22252a",
    text: "#ececea",
    muted: "#a4a8b0",
    border: "#30333a",
    "border-strong": "#4a4e57",
    accent: "#8aa8ff",
    "accent-text": "#0b1020",
    firefighting: "#ff8c42",
    strategy: "#56b4e9",
    other: "#b4b8bf",
    "habit-strategy": "#3fcf9f",
    "habit-story": "#e08cc0",
    "habit-relationships": "#b9a6ff",
  },
} as const;

/** The page's type (app/globals.css `--font-sans`), so a chart's labels match the text around it. */
export const CHART_FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const tokens = (theme: Record<string, string>) =>
  Object.entries(theme)
    .map(([name, value]) => `--${name}:${value}`)
    .join(";");

// The charts' short class names keep years of bars small.
const STYLE = [
  `:root{${tokens(CHART_TOKENS.light)}}`,
  `@media (prefers-color-scheme:dark){:root{${tokens(CHART_TOKENS.dark)}}}`,
  `svg{font-family:${CHART_FONT};font-size:12px}`,
  // Opaque, over the page's skeleton of the chart (app/globals.css).
  ".bg{fill:var(--surface)}",
  "text{fill:var(--muted)}",
  ".m{text-anchor:middle}",
  ".e{text-anchor:end}",
  ".grid{stroke:var(--border)}",
  ".axis{stroke:var(--border-strong)}",
  ".gap{stroke:var(--muted);stroke-width:2;stroke-dasharray:3 3}",
  ".goal{stroke:var(--text);stroke-width:1.5;stroke-dasharray:6 4}",
  "text.strong{fill:var(--text);paint-order:stroke;stroke:var(--surface);stroke-width:4px;stroke-linejoin:round}",
  ".cell0{stroke:var(--surface-muted)}",
  ".cell{stroke:var(--accent)}",
  "text.count{font-size:11px;fill:var(--text)}",
  "text.count.dark{fill:var(--accent-text)}",
].join("");

/**
 * A drawing as a standalone SVG document, named by `title`, with the chart's
 * `numbers` (for the chart explorer, components/charts/chart-explorer.tsx),
 * on the card's background.
 */
export function chartDocument({ width, height, body }: ChartDrawing, title: string, numbers: string): string {
  return markup`<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${height}' viewBox='0 0 ${width} ${height}'><title>${title}</title><metadata>${numbers}</metadata><style>${STYLE}</style>${CHART_DEFS}<rect class='bg' width='${width}' height='${height}'/>${body}</svg>`.html;
}
