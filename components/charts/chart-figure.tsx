import { createHash } from "node:crypto";
import type { ChartDrawing } from "@/components/charts/axes";
import type { BucketsIn } from "@/components/charts/bucket-summary";
import { chartDocument } from "@/components/charts/chart-document";
import { swatch, type Fill } from "@/components/charts/chart-paint";
import { flattened, markup, type Markup } from "@/components/charts/markup";
import { perModel } from "@/components/charts/per-model";
import { sizeChoices, sizeMedia, type ChartColumn } from "@/components/charts/chart-sizes";
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

/** What the page says of a drawing: its size and where its buckets lie (not its body, which only its image holds). */
type DrawingShape = Pick<ChartDrawing, "width" | "height" | "bands">;

/** A panel's drawing in one size, and its image's address. */
export type PanelImage = { drawing: DrawingShape; src: string };

/** The drawings a panel's box shows, by viewport width (components/charts/chart-sizes.ts): the first whose media query holds, else the last. */
export type PanelImages = Array<{ media: string | null; image: PanelImage }>;

/** Whether a figure shows its panels side by side (from `md` on) rather than one chart alone. */
function splitPanels(panels: ChartPanel[]): boolean {
  return !(panels.length === 1 && panels[0] && !panels[0].heading);
}

/**
 * A dashboard chart: its figure as a component, built once per model, and its
 * images, drawn when asked for. The figure is one element, whatever it holds (every element
 * and every byte of the page costs server time twice, in the HTML and in the
 * RSC payload), and points at its images under `chartsPath`, by an address
 * that changes with them, so the browser keeps them. With `tables`, the page
 * asked for its charts' numbers as tables (`?tables=1`).
 */
export function modelChart(spec: (model: DashboardModel) => FigureSpec) {
  /** A panel's drawing and image in a size, drawn anew. */
  const draw = ({ panels, title, table }: FigureSpec, name: string, size: ChartSize) => {
    const panel = panels.find((p) => p.name === name);
    if (!panel) return undefined;
    const drawing = panel.draw(size);
    return { drawing, image: chartImage(drawing, panel.heading ? `${title} (${panel.heading})` : title, table) };
  };
  // Kept with the model (for as long as the dashboard cache keeps it, which weighs it: lib/dashboard/kept-weight.ts):
  // the figures, and what they say of each image, its drawing's shape and its version. Not the spec, the drawings
  // nor the images: thirty of them (five panels in six widths) held ~0.6 MB per model, ten times the model, and an
  // image is fetched once per browser, which keeps it for good; it is drawn again then.
  const shapesOf = perModel(() => new Map<string, { drawing: DrawingShape; version: string }>());
  const shapeOf = (model: DashboardModel, figureSpec: FigureSpec, name: string, size: ChartSize) => {
    const shapes = shapesOf(model);
    const key = `${name} ${size}`;
    if (!shapes.has(key)) {
      const made = draw(figureSpec, name, size);
      if (!made) return undefined;
      const { width, height, bands } = made.drawing;
      shapes.set(key, { drawing: { width, height, bands }, version: made.image.version });
    }
    return shapes.get(key);
  };
  // A model is shown under one address at most (its owner's or a mentor's), with or without tables.
  const figuresOf = perModel(() => new Map<string, Markup>());

  /** The figure's markup, and every image it points at, built on first use. */
  function figure(model: DashboardModel, chartsPath: string, tables = false): Markup {
    const figures = figuresOf(model);
    const key = `${chartsPath} ${tables}`;
    let figure = figures.get(key);
    if (!figure) {
      const range = model.window.range;
      const figureSpec = spec(model);
      const choices = sizeChoices({ column: figureSpec.column ?? "page", split: splitPanels(figureSpec.panels) });
      const imagesFor = (name: string): PanelImages =>
        choices.map(({ maxWidth, size }) => {
          const made = shapeOf(model, figureSpec, name, size);
          if (!made) throw new Error(`No chart image ${name}`);
          return { media: maxWidth === null ? null : sizeMedia(maxWidth), image: { drawing: made.drawing, src: `${chartsPath}/${name}?${chartImageQuery(range, size, made.version)}` } };
        });
      figures.set(key, (figure = flattened(chartFigure(figureSpec, { range, tablesShown: tables, imagesFor }))));
    }
    return figure;
  }

  function Figure({ model, chartsPath, tables = false }: { model: DashboardModel; chartsPath: string; tables?: boolean }) {
    return <Html markup={figure(model, chartsPath, tables)} />;
  }

  /** The image named `name` in `size`, if this chart draws one. */
  const image = (model: DashboardModel, name: string, size: ChartSize = 560): ChartImage | undefined => draw(spec(model), name, size)?.image;
  return { Figure, figure, image };
}

/** A chart's numbers: a header row, then one row per bucket, or one per category with a column per bucket. */
export type ChartTableData = { caption: string; head: string[]; rows: Array<Array<string | number>>; bucketsIn?: BucketsIn };

/** One drawing of a figure, drawn in a given width and shown as the image `name` (unique on the page), under its own heading when a figure has several. */
export type ChartPanel = { name: string; heading?: string; draw: (width: number) => ChartDrawing };

/**
 * What a chart figure shows: the finding as its title, a legend in words, the
 * charts, a text summary and the numbers; and the column the page puts it in
 * (across the page unless said), which its drawings' sizes follow.
 */
export type FigureSpec = { id: string; title: string; summary: string; legend: LegendItem[]; panels: ChartPanel[]; table: ChartTableData; note?: string; column?: ChartColumn };

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
    !splitPanels(panels) && panels[0]
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
 * (and the panel's heading), which holds its highlight. Each drawing on offer
 * tells the chart explorer where its buckets lie (`data-bands`: first left
 * edge, step, count, plot top and bottom, then the drawing's width and
 * height); the browser shows the first whose media query holds, the widest
 * whose labels stay readable in the box. The drawings' sizes keep the page
 * from moving as they load.
 */
function chartImageMarkup(labelledBy: string, images: PanelImages): Markup {
  const attributes = ({ drawing }: PanelImage) => markup`width='${drawing.width}' height='${drawing.height}' data-bands='${drawing.bands} ${drawing.width} ${drawing.height}'`;
  const sources = images.map(({ media, image }) => (media ? markup`<source media='${media}' srcset='${image.src}' ${attributes(image)}>` : null));
  const fallback = images.at(-1)?.image;
  return markup`<div class='chart' role='img' tabindex='0' aria-labelledby='${labelledBy}' aria-describedby='${EXPLORER_HINT_ID}'><picture>${sources}${
    fallback ? markup`<img src='${fallback.src}' alt='' ${attributes(fallback)}>` : null
  }</picture><span class='hl' hidden></span></div>`;
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
