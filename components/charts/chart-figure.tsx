import { Swatch, type Fill } from "@/components/charts/chart-defs";
import { markup, type Markup } from "@/components/charts/markup";

export type LegendItem = { label: string; fill?: Fill; sample?: Markup };

function Html({ markup: content, className }: { markup: Markup; className?: string }) {
  // Built by the chart functions, which escape every value they interpolate.
  return <div className={className} dangerouslySetInnerHTML={{ __html: content.html }} />;
}

/**
 * A chart as a figure: the finding as its title, a legend in words, the SVG,
 * a text summary and the same numbers as a table, which needs no JavaScript.
 */
export function ChartFigure({
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
}) {
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} className="min-w-0">
      <h3 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h3>
      {legend.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted" aria-label="Legend">
          {legend.map((item) => (
            <li key={item.label} className="flex items-center gap-1.5">
              {item.fill ? <Swatch fill={item.fill} /> : null}
              {item.sample ? <Html markup={item.sample} className="inline-flex" /> : null}
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      {note ? <p className="mt-2 text-sm text-muted">{note}</p> : null}
      <Html markup={chart} className="mt-3" />
      <figcaption id={`${id}-summary`} className="mt-2 text-sm text-muted">
        {summary}
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-accent">Show as table</summary>
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${title}: table`}>
          <Html markup={table} />
        </div>
      </details>
    </figure>
  );
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
