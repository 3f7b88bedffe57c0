import { createHash } from "node:crypto";
import { CHART_WIDTHS, type ChartDrawing } from "@/components/charts/axes";
import type { BucketsIn } from "@/components/charts/bucket-summary";
import { chartDocument } from "@/components/charts/chart-document";
import { swatch, type Fill } from "@/components/charts/chart-paint";
import { markup, type Markup } from "@/components/charts/markup";
import { perModel } from "@/components/charts/per-model";
import { chartImageQuery, dashboardViewQuery, type ChartSize, type RangeKey } from "@/lib/dashboard/view";
import type { DashboardModel } from "@/lib/dashboard/figures";

/** The id of the page's one hint on reading a chart by keyboard (rendered by ChartDefs). */
export const EXPLORER_HINT_ID = "chart-keys";

export type LegendItem = { label: string; fill?: Fill; sample?: Markup };

function Html({ markup: content }: { markup: Markup }) {
  // Built by the chart functions, which escape every value they interpolate.
  return <div dangerouslySetInnerHTML={{ __html: content.html }} />;
}

/** A chart as an image: its SVG document, and a version that changes whenever the document does. */
export type ChartImage = { svg: string; version: string };

function chartImage(drawing: ChartDrawing, title: string, table: ChartTableData): ChartImage {
  const svg = chartDocument(drawing, title, explorerData(table));
  return { svg, version: createHash("sha256").update(svg).digest("base64url").slice(0, 22) };
}

/** A panel's drawing in each size, with its image and the image's address. */
export type PanelImages = Record<ChartSize, { drawing: ChartDrawing; src: string }>;

/** One of a thing in each size. */
function bySize<T>(make: (size: ChartSize) => T): Record<ChartSize, T> {
  return { wide: make("wide"), narrow: make("narrow") };
}

/** The narrow drawings are for screens this narrow (a phone), where a chart fills the width. */
const NARROW_MEDIA = "(max-width: 40rem)";

/**
 * A dashboard chart: its figure as a component, and its images, each built
 * once per model. The figure is one element, whatever it holds (every element
 * and every byte of the page costs server time twice, in the HTML and in the
 * RSC payload), and points at its images under `chartsPath`, by an address
 * that changes with them, so the browser keeps them. With `tables`, the page
 * asked for its charts' numbers as tables (`?tables=1`).
 */
export function modelChart(spec: (model: DashboardModel) => FigureSpec) {
  const specOf = perModel(spec);
  // Each panel in each size: its drawing and its image.
  const imagesOf = perModel((model) => {
    const { panels, title, table } = specOf(model);
    return new Map(
      panels.map((panel) => {
        const name = panel.heading ? `${title} (${panel.heading})` : title;
        return [
          panel.name,
          bySize((size) => {
            const drawing = panel.draw(CHART_WIDTHS[size]);
            return { drawing, image: chartImage(drawing, name, table) };
          }),
        ];
      }),
    );
  });
  // A model is shown under one address at most (its owner's or a mentor's), with or without tables.
  const figuresOf = perModel(() => new Map<string, Markup>());

  function Figure({ model, chartsPath, tables = false }: { model: DashboardModel; chartsPath: string; tables?: boolean }) {
    const figures = figuresOf(model);
    const key = `${chartsPath} ${tables}`;
    let figure = figures.get(key);
    if (!figure) {
      const range = model.window.range;
      const images = imagesOf(model);
      const imagesFor = (name: string): PanelImages => {
        const sizes = images.get(name);
        if (!sizes) throw new Error(`No chart image ${name}`);
        return bySize((size) => ({ drawing: sizes[size].drawing, src: `${chartsPath}/${name}?${chartImageQuery(range, size, sizes[size].image.version)}` }));
      };
      figures.set(key, (figure = chartFigure(specOf(model), { range, tablesShown: tables, imagesFor })));
    }
    return <Html markup={figure} />;
  }

  /** The image named `name` in `size`, if this chart draws one. */
  const image = (model: DashboardModel, name: string, size: ChartSize = "wide"): ChartImage | undefined => imagesOf(model).get(name)?.[size].image;
  return { Figure, image };
}

/** A chart's numbers: a header row, then one row per bucket, or one per category with a column per bucket. */
export type ChartTableData = { caption: string; head: string[]; rows: Array<Array<string | number>>; bucketsIn?: BucketsIn };

/** One drawing of a figure, drawn in a given width and shown as the image `name` (unique on the page), under its own heading when a figure has several. */
export type ChartPanel = { name: string; heading?: string; draw: (width: number) => ChartDrawing };

/** What a chart figure shows: the finding as its title, a legend in words, the charts, a text summary and the numbers. */
export type FigureSpec = { id: string; title: string; summary: string; legend: LegendItem[]; panels: ChartPanel[]; table: ChartTableData; note?: string };

/** The page's own address with the tables shown or not, in the same range. */
function tablesHref(range: RangeKey, tablesShown: boolean, fragment: string): string {
  // A link of "?" and a fragment alone would keep the query it is on: name the range then.
  return `?${dashboardViewQuery({ range, tables: tablesShown }) || `range=${range}`}#${fragment}`;
}

/**
 * The numbers for the chart explorer, as tab-separated lines (head first),
 * carried by the chart's image. Cells never hold a tab or a line break
 * (labels, numbers and units).
 */
function explorerData(table: ChartTableData): string {
  return [table.head, ...table.rows].map((row) => row.map(String).join("\t")).join("\n");
}

/**
 * A chart as a figure. Its table is one link away ("Show as table" opens the
 * page with every chart's table under it, no JavaScript needed), so that a
 * five-year page does not carry four long tables nobody opened; the chart
 * explorer reads a bucket's values from the chart's image.
 */
export function chartFigure(
  { id, title, summary, legend, panels, table, note }: FigureSpec,
  { range, tablesShown, imagesFor }: { range: RangeKey; tablesShown: boolean; imagesFor: (name: string) => PanelImages },
): Markup {
  const legendList =
    legend.length > 0
      ? markup`<ul class='mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted' aria-label='Legend'>${legend.map(
          (item) =>
            markup`<li class='flex items-center gap-1.5'>${item.fill ? swatch(item.fill) : null}${item.sample ? markup`<div class='inline-flex'>${item.sample}</div>` : null}${item.label}</li>`,
        )}</ul>`
      : null;
  const link = (href: string, text: string) => markup`<a href='${href}' class='mt-2 inline-block text-sm font-medium text-accent underline'>${text}</a>`;
  const numbers = tablesShown
    ? markup`<div id='${id}-table' class='mt-3 scroll-mt-32 overflow-x-auto lg:scroll-mt-6' tabindex='0' role='region' aria-label='${title}: table'>${chartTable(table)}</div>${link(tablesHref(range, false, id), "Hide the tables")}`
    : link(tablesHref(range, true, `${id}-table`), "Show as table");
  const chart = (panel: ChartPanel) => chartImageMarkup(panel.heading ? `${id}-title ${panel.name}-heading` : `${id}-title`, imagesFor(panel.name));
  const charts =
    panels.length === 1 && panels[0] && !panels[0].heading
      ? chart(panels[0])
      : markup`<div class='grid gap-4 md:grid-cols-2'>${panels.map(
          (panel) => markup`<div><h4 id='${panel.name}-heading' class='text-sm font-medium'>${panel.heading}</h4>${chart(panel)}</div>`,
        )}</div>`;
  return markup`<figure id='${id}' aria-labelledby='${id}-title' aria-describedby='${id}-summary' class='min-w-0 scroll-mt-32 lg:scroll-mt-6' data-buckets='${table.bucketsIn ?? "rows"}'><h3 id='${id}-title' class='text-base font-semibold'>${title}</h3>${legendList}${
    note ? markup`<p class='mt-2 text-sm text-muted'>${note}</p>` : null
  }<div class='mt-3'>${charts}</div><figcaption id='${id}-summary' class='mt-2 text-sm text-muted'>${summary}</figcaption>${numbers}</figure>`;
}

/**
 * A chart's image in a box the keyboard can focus, named by the figure's title
 * (and the panel's heading), which tells the chart explorer where its buckets
 * lie in each drawing (`data-bands`, `data-narrow-bands`: first left edge,
 * step, count, plot top and bottom, then the drawing's width and height) and
 * holds its highlight. A phone gets the narrow drawing, whose labels stay
 * readable. The images' sizes keep the page from moving as they load.
 */
function chartImageMarkup(labelledBy: string, { wide, narrow }: PanelImages): Markup {
  const bands = ({ drawing }: PanelImages[ChartSize]) => `${drawing.bands} ${drawing.width} ${drawing.height}`;
  return markup`<div class='chart' role='img' tabindex='0' aria-labelledby='${labelledBy}' aria-describedby='${EXPLORER_HINT_ID}' data-bands='${bands(wide)}' data-narrow-bands='${bands(narrow)}'><picture><source media='${NARROW_MEDIA}' srcset='${narrow.src}' width='${narrow.drawing.width}' height='${narrow.drawing.height}'><img src='${wide.src}' alt='' width='${wide.drawing.width}' height='${wide.drawing.height}'></picture><span class='hl' hidden></span></div>`;
}

/**
 * A chart's numbers as a table, shown under the chart when the page is asked
 * for its tables.
 */
export function chartTable({ caption, head, rows }: ChartTableData): Markup {
  // End tags of cells and rows are optional in HTML; leaving them out keeps
  // five years of rows small in the page and again in its RSC payload.
  return markup`<table class='chart-table'><caption class='mb-1 text-left text-sm text-muted'>${caption}</caption><thead><tr>${head.map(
    (cell) => markup`<th scope='col'>${cell}`,
  )}<tbody>${rows.map(([first, ...rest]) => markup`<tr><th scope='row'>${first}${rest.map((cell) => markup`<td>${typeof cell === "number" ? String(cell) : cell}`)}`)}</table>`;
}
