import { swatch, type Fill } from "@/components/charts/chart-defs";
import { markup, type Markup } from "@/components/charts/markup";
import { perModel } from "@/components/charts/per-model";
import type { DashboardModel } from "@/lib/dashboard-model";

export type LegendItem = { label: string; fill?: Fill; sample?: Markup };

function Html({ markup: content }: { markup: Markup }) {
  // Built by the chart functions, which escape every value they interpolate.
  return <div dangerouslySetInnerHTML={{ __html: content.html }} />;
}

/**
 * A dashboard chart as a component: its figure as one element, whatever the
 * figure holds (each React element costs a server render ~100 times what its
 * markup as a string does), built once per model.
 */
export function modelFigure(build: (model: DashboardModel) => Markup) {
  const figureOf = perModel(build);
  return function ModelFigure({ model }: { model: DashboardModel }) {
    return <Html markup={figureOf(model)} />;
  };
}

/**
 * A chart as a figure: the finding as its title, a legend in words, the SVG,
 * a text summary and the same numbers as a table, which needs no JavaScript.
 */
export function chartFigure({
  id,
  title,
  summary,
  legend,
  chart,
  table,
  note,
}: {
  id: string;
  title: string;
  summary: string;
  legend: LegendItem[];
  chart: Markup;
  table: Markup;
  note?: string;
}): Markup {
  const legendList =
    legend.length > 0
      ? markup`<ul class='mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted' aria-label='Legend'>${legend.map(
          (item) =>
            markup`<li class='flex items-center gap-1.5'>${item.fill ? swatch(item.fill) : null}${item.sample ? markup`<div class='inline-flex'>${item.sample}</div>` : null}${item.label}</li>`,
        )}</ul>`
      : null;
  return markup`<figure aria-labelledby='${id}-title' aria-describedby='${id}-summary' class='min-w-0'><h3 id='${id}-title' class='text-base font-semibold'>${title}</h3>${legendList}${
    note ? markup`<p class='mt-2 text-sm text-muted'>${note}</p>` : null
  }<div class='mt-3'>${chart}</div><figcaption id='${id}-summary' class='mt-2 text-sm text-muted'>${summary}</figcaption><details class='mt-2 text-sm'><summary class='cursor-pointer font-medium text-accent'>Show as table</summary><div class='mt-2 overflow-x-auto' tabindex='0' role='region' aria-label='${title}: table'><div>${table}</div></div></details></figure>`;
}

/**
 * A chart's numbers as a table: a header row, then one row per bucket, or one
 * per category with a column per bucket (`bucketsIn: "columns"`). The chart
 * explorer reads a bucket's values from here, so it needs to know which.
 */
export function chartTable({
  caption,
  head,
  rows,
  bucketsIn = "rows",
}: {
  caption: string;
  head: string[];
  rows: Array<Array<string | number>>;
  bucketsIn?: "rows" | "columns";
}): Markup {
  // End tags of cells and rows are optional in HTML; leaving them out keeps
  // five years of rows small in the page and again in its RSC payload.
  return markup`<table class='chart-table' data-buckets='${bucketsIn}'><caption class='sr-only'>${caption}</caption><thead><tr>${head.map(
    (cell) => markup`<th scope='col'>${cell}`,
  )}<tbody>${rows.map(([first, ...rest]) => markup`<tr><th scope='row'>${first}${rest.map((cell) => markup`<td>${typeof cell === "number" ? String(cell) : cell}`)}`)}</table>`;
}
