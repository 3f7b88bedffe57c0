import type { BucketsIn } from "@/components/charts/bucket-summary";
import { swatch, type Fill } from "@/components/charts/chart-defs";
import { markup, type Markup } from "@/components/charts/markup";
import { perModel } from "@/components/charts/per-model";
import { dashboardViewQuery, type DashboardModel, type RangeKey } from "@/lib/dashboard-model";

export type LegendItem = { label: string; fill?: Fill; sample?: Markup };

function Html({ markup: content }: { markup: Markup }) {
  // Built by the chart functions, which escape every value they interpolate.
  return <div dangerouslySetInnerHTML={{ __html: content.html }} />;
}

/**
 * A dashboard chart as a component: its figure as one element, whatever the
 * figure holds (every element and every byte of the page costs server time
 * twice, in the HTML and in the RSC payload), built once per model. With
 * `tables`, the page asked for its charts' numbers as tables (`?tables=1`).
 */
export function modelFigure(spec: (model: DashboardModel) => FigureSpec) {
  const specOf = perModel(spec);
  const plain = perModel((model) => chartFigure(specOf(model), { range: model.window.range, tablesShown: false }));
  const withTable = perModel((model) => chartFigure(specOf(model), { range: model.window.range, tablesShown: true }));
  return function ModelFigure({ model, tables = false }: { model: DashboardModel; tables?: boolean }) {
    return <Html markup={(tables ? withTable : plain)(model)} />;
  };
}

/** A chart's numbers: a header row, then one row per bucket, or one per category with a column per bucket. */
export type ChartTableData = { caption: string; head: string[]; rows: Array<Array<string | number>>; bucketsIn?: BucketsIn };

/** What a chart figure shows: the finding as its title, a legend in words, the SVG, a text summary and the numbers. */
export type FigureSpec = { id: string; title: string; summary: string; legend: LegendItem[]; chart: Markup; table: ChartTableData; note?: string };

/** The page's own address with the tables shown or not, in the same range. */
function tablesHref(range: RangeKey, tablesShown: boolean, fragment: string): string {
  // A link of "?" and a fragment alone would keep the query it is on: name the range then.
  return `?${dashboardViewQuery({ range, tables: tablesShown }) || `range=${range}`}#${fragment}`;
}

/**
 * The numbers for the chart explorer, as tab-separated lines (head first):
 * text, not a table, so they cost the page no elements. Cells never hold a
 * tab or a line break (labels, numbers and units).
 */
function explorerData(table: ChartTableData): string {
  return [table.head, ...table.rows].map((row) => row.map(String).join("\t")).join("\n");
}

/**
 * A chart as a figure. Its table is one link away ("Show as table" opens the
 * page with every chart's table under it, no JavaScript needed), so that a
 * five-year page does not carry four long tables nobody opened; the chart
 * explorer reads a bucket's values from the figure's `data-table`.
 */
export function chartFigure(
  { id, title, summary, legend, chart, table, note }: FigureSpec,
  { range, tablesShown }: { range: RangeKey; tablesShown: boolean },
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
  return markup`<figure id='${id}' aria-labelledby='${id}-title' aria-describedby='${id}-summary' class='min-w-0 scroll-mt-32 lg:scroll-mt-6' data-buckets='${table.bucketsIn ?? "rows"}' data-table='${explorerData(table)}'><h3 id='${id}-title' class='text-base font-semibold'>${title}</h3>${legendList}${
    note ? markup`<p class='mt-2 text-sm text-muted'>${note}</p>` : null
  }<div class='mt-3'>${chart}</div><figcaption id='${id}-summary' class='mt-2 text-sm text-muted'>${summary}</figcaption>${numbers}</figure>`;
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
