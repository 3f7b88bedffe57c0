import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartDefs } from "@/components/charts/chart-defs";
import { CHART_TOKENS, chartDocument } from "@/components/charts/chart-document";
import { chartFigure, type ChartPanel } from "@/components/charts/chart-figure";
import { cellOpacity, heatmap } from "@/components/charts/heatmap";
import { lineChart } from "@/components/charts/line-chart";
import { LINE_STYLES, lineSample } from "@/components/charts/chart-paint";
import { markup } from "@/components/charts/markup";
import { perModel } from "@/components/charts/per-model";
import { stackedBarChart } from "@/components/charts/stacked-bar-chart";
import { bucketSummary } from "@/components/charts/bucket-summary";
import { chartBoxWidth, sizeChoices, sizeMedia } from "@/components/charts/chart-sizes";
import { TimeChart } from "@/components/dashboard/time-chart";
import { bucketsFor, dashboardWindow } from "@/lib/dashboard/windows";
import { hours, RATING_KEYS } from "@/lib/dashboard/figures";
import { buildDashboard } from "@/lib/dashboard/build";
import { CHART_SIZES } from "@/lib/dashboard/view";

const window = dashboardWindow("12w", { timeZone: "UTC", weekStartsOn: 1 }, new Date("2026-11-24T10:00:00Z"));
const buckets = bucketsFor(window, []).slice(-3);
const count = (pattern: RegExp, html: string) => html.match(pattern)?.length ?? 0;

describe("chart markup", () => {
  it("escapes every interpolated value", () => {
    expect(markup`<text>${'<script>alert("x")</script> & co'}</text>`.html).toBe("<text>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</text>");
    expect(markup`<g>${[markup`<b/>`, "<i>"]}${null}${1.26}</g>`.html).toBe("<g><b/>&lt;i&gt;1.3</g>");
  });

  it("draws an unlogged week as a gap, never as a zero bar, and tells the explorer where the bars are", () => {
    const drawing = stackedBarChart({
      width: 560,
      buckets,
      series: [
        { key: "strategy", label: "Strategy", fill: "strategy" },
        { key: "firefighting", label: "Firefighting", fill: "firefighting" },
      ],
      values: [{ strategy: 2, firefighting: 2 }, null, { strategy: 3, firefighting: 1 }],
      valueLabel: "Hours",
      xLabel: "Week starting",
      format: hours,
      overlay: { label: "Strategy share", values: [0.5, null, 0.75], goal: 0.4 },
    });
    const html = drawing.body.html;
    expect(drawing.height).toBe(312);
    // Three bands side by side, centred in the plot (62 to 544), from the bars' top to the share strip's bottom.
    const [left = 0, step = 0, buckets3, top, bottom] = drawing.bands.split(" ").map(Number);
    expect(buckets3).toBe(3);
    expect(left).toBeGreaterThanOrEqual(62);
    expect(left - 62).toBeCloseTo(544 - (left + 3 * step), 0);
    expect([top, bottom]).toEqual([6, 264]);
    // No focus stop per bar: values come from the table.
    expect(html).not.toContain("tabindex");
    expect(count(/<path class='gap' d='M[^M']+'/g, html)).toBe(1);
    // One path per fill, one segment per logged week.
    expect(count(/M/g, /<path stroke='url\(#chart-fill-strategy\)' d='([^']+)'/.exec(html)?.[1] ?? "")).toBe(2);
    expect(html).toContain("Goal 40%");
    // The share line breaks at the gap: two separate segments.
    expect(count(/M/g, /<path d='([^']+)' style='fill:none;stroke-width:2;stroke:var\(--text\)'/.exec(html)?.[1] ?? "")).toBe(2);
  });

  it("draws the strategy share in a strip of its own under the hours, on its own % axis, with the goal labelled on that axis", () => {
    const drawing = (goal: number | null) =>
      stackedBarChart({
        width: 560,
        buckets,
        series: [{ key: "strategy", label: "Strategy", fill: "strategy" }],
        values: [{ strategy: 14 }, { strategy: 10 }, { strategy: 28 }],
        valueLabel: "Hours",
        xLabel: "Week starting",
        format: hours,
        overlay: { label: "Strategy share", values: [0.5, 0.6, 0.25], goal },
      }).body.html;
    const html = drawing(0.6);
    const ys = (d: string) => [...d.matchAll(/M[\d.]+ ([\d.]+)/g)].map(([, y]) => Number(y));
    const [hoursGrid = "", shareGrid = ""] = [...html.matchAll(/<path class='grid' d='([^']+)'/g)].map(([, d]) => d ?? "");
    const goalY = ys(/<path class='goal' d='([^']+)'/.exec(html)?.[1] ?? "")[0] ?? 0;
    const hoursYs = ys(hoursGrid);
    // The hours' grid lines (0 to 30 h) all lie above the strip; the goal and the share's lie in it.
    expect(hoursYs.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...hoursYs)).toBeLessThan(Math.min(goalY, ...ys(shareGrid)));
    expect(html).toContain("<text x='13' y='190'>Strategy share</text>");
    // The goal's value is a tick of the share's axis, left of the plot (which starts at 62), where the 50% tick gives way to it;
    // its name ends the strip's title row, after a sample of its line, above the plot.
    expect(html).toContain(`<g class='e'><text class='strong' x='56' y='${goalY + 4}'>60%</text><text x='518' y='190'>Goal 60%</text></g>`);
    expect(html).toMatch(/<path class='goal' d='M62 [\d.]+H544M524 186h20'\/>/);
    expect(html).not.toContain(">50%<");
    expect(html).toContain(">0%<");
    expect(html).toContain(">100%<");
    expect(drawing(null)).toContain(">50%<");
    expect(drawing(null)).not.toContain("class='goal'");
  });

  it("labels fewer buckets in a narrow drawing, so its labels never collide", () => {
    const twelve = bucketsFor(window, []);
    const labels = (width: number) =>
      count(
        /<text x=/g,
        /<g class='m'>(.*)<\/g>/.exec(
          stackedBarChart({ width, buckets: twelve, series: [{ key: "strategy", label: "Strategy", fill: "strategy" }], values: twelve.map(() => null), valueLabel: "Hours", xLabel: "Week", format: hours })
            .body.html,
        )?.[1] ?? "",
      );
    // Six of twelve weeks and the axis title, then four, then three, and the title.
    expect(labels(560)).toBe(7);
    expect(labels(360)).toBe(5);
    expect(labels(280)).toBe(4);
  });

  it("breaks rating lines where nothing was rated", () => {
    const drawing = lineChart({
      width: 560,
      buckets,
      series: [{ key: "strategy", label: "Strategic time", style: LINE_STYLES.strategy, values: [3, null, 4] }],
      domain: [1, 5],
      valueLabel: "Self-rating",
      xLabel: "Week starting",
      format: String,
    });
    const html = drawing.body.html;
    expect(drawing.bands.split(" ")).toHaveLength(5);
    // The line breaks at the gap, and every point carries the series' marker, defined once for the image.
    expect(count(/M/g, /<path d='([^']+)' style='fill:none;stroke-width:2;stroke:var\(--habit-strategy\)'/.exec(html)?.[1] ?? "")).toBe(2);
    expect(html).toContain("marker-mid='url(#chart-mark-circle-habit-strategy)'");
  });

  it("draws the habit ratings in colours of their own, none a time category's, each with AA contrast for graphics in both themes", () => {
    const ratings = RATING_KEYS.map((key) => LINE_STYLES[key]);
    expect(new Set(ratings.map((style) => style.stroke)).size).toBe(4);
    for (const style of ratings) expect(["firefighting", "strategy", "other"]).not.toContain(style.stroke);
    // WCAG's relative luminance and contrast ratio; graphics need 3:1 against the card.
    const luminance = (hex: string) => {
      const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
    for (const theme of [CHART_TOKENS.light, CHART_TOKENS.dark]) {
      for (const style of ratings) expect(contrast(theme[style.stroke], theme.surface), style.stroke).toBeGreaterThanOrEqual(3);
    }
  });

  it("keeps series that share a value apart, in any width: side by side at each bucket, parallel between", () => {
    for (const width of CHART_SIZES) {
      const html = lineChart({
        width,
        buckets: bucketsFor(window, []),
        series: (["story", "vision"] as const).map((key) => ({ key, label: key, style: LINE_STYLES[key], values: Array<number>(12).fill(4) })),
        domain: [1, 5],
        valueLabel: "Self-rating",
        xLabel: "Week starting",
        format: String,
      }).body.html;
      const [story = [], vision = []] = [...html.matchAll(/<path d='([^']+)' style='fill:none/g)].map(([, d]) => [...(d ?? "").matchAll(/[ML]([\d.]+),([\d.]+)/g)].map(([, x, y]) => [Number(x), Number(y)]));
      expect(story).toHaveLength(12);
      story.forEach(([x = 0, y = 0], index) => {
        const [otherX = 0, otherY = 0] = vision[index] ?? [];
        // Apart by more than half a marker across, and a line's width up.
        expect(Math.hypot(x - otherX, y - otherY)).toBeGreaterThan(3.5);
        expect(Math.abs(y - otherY)).toBeGreaterThanOrEqual(2.9);
      });
    }
  });

  it("shades heatmap cells by count and writes the count when it fits", () => {
    expect(cellOpacity(0, 4)).toBe(0);
    expect(cellOpacity(4, 4)).toBe(1);
    expect(cellOpacity(1, 4)).toBeCloseTo(0.4375);
    const drawing = heatmap({
      width: 560,
      buckets,
      rows: [
        { key: "SALES", label: "Sales", values: [0, 2, 4] },
        { key: "LEGAL", label: "Legal", values: [0, 0, 1] },
      ],
      max: 4,
      xLabel: "Week starting",
    });
    const html = drawing.body.html;
    expect(drawing.bands.split(" ")[2]).toBe("3");
    // Empty cells share one path: three of them.
    expect(count(/M/g, /<path class='cell0' d='([^']+)'/.exec(html)?.[1] ?? "")).toBe(3);
    expect(html).toContain("<text class='count m dark'");
  });

  it("says a bucket's values in words from its row of the chart's table", () => {
    const head = ["Week", "Firefighting", "Strategy", "Other", "Strategy share"];
    const rows = [
      ["Week of 16 Nov 2026", "Not logged", "", "", ""],
      ["Week of 23 Nov 2026 (so far)", "8 h", "4 h", "0 h", "33%"],
    ];
    expect(bucketSummary({ head, rows, bucketsIn: "rows", index: 1 })).toBe("Week of 23 Nov 2026 (so far): Firefighting 8 h, Strategy 4 h, Other 0 h, Strategy share 33%");
    expect(bucketSummary({ head, rows, bucketsIn: "rows", index: 0 })).toBe("Week of 16 Nov 2026: Not logged");
    const ratings = ["Week of 16 Nov 2026", "Not logged", "Not logged"];
    expect(bucketSummary({ head: ["Week", "Vision", "Story"], rows: [ratings], bucketsIn: "rows", index: 0 })).toBe("Week of 16 Nov 2026: Not logged");
    expect(bucketSummary({ head: ["Week", "Vision", "Story"], rows: [["Week of 16 Nov 2026", "3", "Not rated"]], bucketsIn: "rows", index: 0 })).toBe(
      "Week of 16 Nov 2026: Vision 3, Story Not rated",
    );
  });

  it("reads a heatmap's bucket from its column, naming only the departments met", () => {
    const head = ["Department", "9 Nov", "16 Nov", "Total"];
    const rows = [
      ["Sales", "0", "4", "4"],
      ["Legal", "0", "1", "1"],
    ];
    expect(bucketSummary({ head, rows, bucketsIn: "columns", index: 1 })).toBe("16 Nov: Sales 4, Legal 1");
    expect(bucketSummary({ head, rows, bucketsIn: "columns", index: 0 })).toBe("9 Nov: none");
  });
});

describe("chart figure", () => {
  const table = { caption: "Hours per week", head: ["Week", "Strategy"], rows: [["Week of 16 Nov 2026", "4 h"]] };
  const wide = { width: 560, height: 260, bands: "60 40 3 6 212", body: markup`<path/>` };
  const narrow = { width: 280, height: 260, bands: "60 20 3 6 212", body: markup`<path/>` };
  const draw = (width: number) => (width === 560 ? wide : narrow);
  const imagesFor = (name: string) => [
    { media: "(max-width: 30rem)", image: { drawing: narrow, src: `/dashboard/charts/${name}?range=all&size=280&v=def` } },
    { media: null, image: { drawing: wide, src: `/dashboard/charts/${name}?range=all&v=abc` } },
  ];
  const figure = ({ title, summary, note, panels }: { title: string; summary: string; note?: string; panels?: ChartPanel[] }, tablesShown = false) =>
    chartFigure(
      {
        id: "f",
        title,
        summary,
        legend: [
          { label: "Strategy", fill: "strategy" },
          { label: "Goal <60%>", sample: markup`<svg class='sample'/>` },
        ],
        note,
        panels: panels ?? [{ name: "f-chart", draw }],
        table,
      },
      { range: "all", tablesShown, imagesFor },
    ).html;

  it("is one string: title, legend, note, chart, summary and a link to its table, every value escaped", () => {
    const html = figure({ title: '<script>alert("x")</script>', summary: "<script>s</script> & co", note: "Dashed <b>stubs</b>" });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    expect(html).toMatch(
      /^<figure id='f' aria-labelledby='f-title' aria-describedby='f-summary' class='min-w-0 scroll-mt-32 lg:scroll-mt-6' data-buckets='rows'><h3 id='f-title' class='text-base font-semibold'>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;<\/h3>/,
    );
    expect(html).toContain(
      "<ul class='mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted' aria-label='Legend'><li class='flex items-center gap-1.5'><svg width='14' height='14' viewBox='0 0 14 14' aria-hidden='true' focusable='false'><rect x='0.5' y='0.5' width='13' height='13' rx='2' fill='url(#chart-fill-strategy)' class='stroke-border-strong'/></svg>Strategy</li><li class='flex items-center gap-1.5'><div class='inline-flex'><svg class='sample'/></div>Goal &lt;60%&gt;</li></ul>",
    );
    expect(html).toContain("<p class='mt-2 text-sm text-muted'>Dashed &lt;b&gt;stubs&lt;/b&gt;</p><div class='mt-3'><div class='chart'");
    expect(html).toContain("<figcaption id='f-summary' class='mt-2 text-sm text-muted'>&lt;script&gt;s&lt;/script&gt; &amp; co</figcaption>");
    // The table is one link away, on the same page with the tables shown, at this figure's table.
    expect(html).toMatch(/<a href='\?range=all&amp;tables=1#f-table' class='[^']*'>Show as table<\/a><\/figure>$/);
    expect(html).not.toContain("<table");
  });

  it("shows the chart as an image in a box the keyboard reaches, named by the figure's title, that tells the explorer where the buckets are", () => {
    const html = figure({ title: "T", summary: "S" });
    expect(html).toContain(
      "<div class='mt-3'><div class='chart' role='img' tabindex='0' aria-labelledby='f-title' aria-describedby='chart-keys'><picture><source media='(max-width: 30rem)' srcset='/dashboard/charts/f-chart?range=all&amp;size=280&amp;v=def' width='280' height='260' data-bands='60 20 3 6 212 280 260'><img src='/dashboard/charts/f-chart?range=all&amp;v=abc' alt='' width='560' height='260' data-bands='60 40 3 6 212 560 260'></picture><span class='hl' hidden></span></div></div>",
    );
    // One focus stop per chart, none per bar: values come from the table.
    expect(count(/tabindex/g, html)).toBe(1);
  });

  it("gives each of several charts its heading, which names it with the figure's title", () => {
    const html = figure({ title: "T", summary: "S", panels: [{ name: "f-a", heading: "Written", draw }, { name: "f-b", heading: "Revisited", draw }] });
    expect(html).toContain("<h4 id='f-a-heading' class='text-sm font-medium'>Written</h4><div class='chart' role='img' tabindex='0' aria-labelledby='f-title f-a-heading'");
    expect(html).toContain("aria-labelledby='f-title f-b-heading'");
    expect(html).toContain("<img src='/dashboard/charts/f-b?range=all&amp;v=abc'");
  });

  it("shows its table under the chart when the page is asked for tables, with a way back", () => {
    const html = figure({ title: "T", summary: "S" }, true);
    expect(html).toContain(
      "<div id='f-table' class='mt-3 scroll-mt-32 overflow-x-auto lg:scroll-mt-6' tabindex='0' role='region' aria-label='T: table'><table class='chart-table'><caption class='mb-1 text-left text-sm text-muted'>Hours per week</caption>",
    );
    expect(html).toContain("<tr><th scope='row'>Week of 16 Nov 2026<td>4 h</table></div>");
    expect(html).toMatch(/<a href='\?range=all#f' class='[^']*'>Hide the tables<\/a><\/figure>$/);
  });

  it("links to the tables of the default range without naming it", () => {
    const html = chartFigure({ id: "f", title: "T", summary: "S", legend: [], panels: [], table }, { range: "12w", tablesShown: false, imagesFor }).html;
    expect(html).toContain("href='?tables=1#f-table'");
  });

  it("leaves out an empty legend and a missing note", () => {
    const html = figure({ title: "T", summary: "S" }).replace(/<ul .*<\/ul>/, "");
    expect(chartFigure({ id: "f", title: "T", summary: "S", legend: [], panels: [], table }, { range: "all", tablesShown: false, imagesFor }).html).not.toContain("Legend");
    expect(html).toContain("</h3><div class='mt-3'><div class='chart'");
  });

  it("is built once per model, and put on the page as one element", () => {
    const window = dashboardWindow("12w", { timeZone: "UTC", weekStartsOn: 1 }, new Date("2026-11-24T10:00:00Z"));
    const model = buildDashboard(
      window,
      {
        series: [],
        recent: [],
        runStart: null,
        runEnd: null,
        latestBeforeThisWeek: null,
        underTargetRun: 0,
        anyEver: false,
        goalStrategySharePercent: null,
        goalTouchpointsPerWeek: null,
        goalDepartments: [],
      },
      { series: [], thisWeek: 0, last4Weeks: 0, thisMonth: 0, monthDepartments: [], overdueStakeholders: 0, anyEver: false },
      { series: [], dueForRevisit: 0, anyEver: false },
    );
    let builds = 0;
    const figureOf = perModel((m) => {
      builds += 1;
      return markup`<p>${m.time.finding}</p>`;
    });
    const first = figureOf(model);
    expect(figureOf(model)).toBe(first);
    expect(builds).toBe(1);
    const other = { ...model };
    const again = figureOf(other);
    expect(again).not.toBe(first);
    expect(again.html).toBe(first.html);
    expect(builds).toBe(2);
    expect(figureOf(other)).toBe(again);

    const chartsPath = "/dashboard/charts";
    const page = renderToStaticMarkup(createElement(TimeChart.Figure, { model, chartsPath }));
    expect(page).toMatch(/^<div><figure id='time-chart' aria-labelledby='time-chart-title' [^>]*>.*<\/figure><\/div>$/);
    expect(page).toContain("Show as table");
    const withTables = renderToStaticMarkup(createElement(TimeChart.Figure, { model, chartsPath, tables: true }));
    expect(withTables).toContain("<table class='chart-table'>");
    expect(renderToStaticMarkup(createElement(TimeChart.Figure, { model, chartsPath, tables: true }))).toBe(withTables);
    // The image's address carries its version; a mentor's page points under the mentee's address.
    const image = TimeChart.image(model, "time-chart");
    expect(image?.version).toMatch(/^[\w-]{22}$/);
    // Drawn again when fetched, not kept with the model (tests/unit/dashboard-memory.test.ts): the same document.
    expect(TimeChart.image(model, "time-chart")).toEqual(image);
    expect(page).toContain(`<source media='(max-width: 51.8438rem)' srcset='/dashboard/charts/time-chart?v=${image?.version}'`);
    expect(renderToStaticMarkup(createElement(TimeChart.Figure, { model: other, chartsPath: "/mentees/m1/charts" }))).toContain(
      `srcset='/mentees/m1/charts/time-chart?v=${image?.version}'`,
    );
    expect(TimeChart.image(model, "coverage-chart")).toBeUndefined();
    // A phone gets the narrowest drawing, at an address of its own; the widest is the image's own.
    const narrow = TimeChart.image(model, "time-chart", 280);
    expect(narrow?.svg).toMatch(/^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' width='280' height='312'/);
    expect(narrow?.version).not.toBe(image?.version);
    expect(page).toContain(`<picture><source media='(max-width: 27.4688rem)' srcset='/dashboard/charts/time-chart?size=280&amp;v=${narrow?.version}' width='280' height='312' data-bands='`);
    expect(page).toContain(`<img src='/dashboard/charts/time-chart?size=880&amp;v=${TimeChart.image(model, "time-chart", 880)?.version}' alt='' width='880' height='312'`);
    // The image carries the chart's numbers for the explorer, as the table has them; the page does not.
    expect(image?.svg).toContain("<metadata>Week\tFirefighting\tStrategy\tOther\tStrategy share\nWeek of ");
    expect(page).not.toContain("Firefighting\tStrategy");
  });

  it("defines every fill the legends use, once, in one hidden svg; a line's sample draws its own marker", () => {
    const html = renderToStaticMarkup(createElement(ChartDefs));
    expect(html).toContain('<svg width="0" height="0" aria-hidden="true" focusable="false" class="absolute"><defs><pattern id=\'chart-fill-firefighting\'');
    for (const fill of ["firefighting", "strategy", "other", "QUARTER", "ONE_YEAR", "THREE_YEARS", "FIVE_YEARS"]) expect(count(new RegExp(`id='chart-fill-${fill}'`, "g"), html)).toBe(1);
    expect(html).not.toContain("<marker");
    expect(lineSample(LINE_STYLES.vision).html).toBe(
      "<svg width='22' height='12' viewBox='0 0 22 12' aria-hidden='true' focusable='false' class='overflow-visible'><path d='M1 6H21' style='fill:none;stroke-width:2;stroke:var(--text)' stroke-dasharray='8 3 2 3'/><path d='M0 -5l5 5l-5 5l-5-5z' transform='translate(11 6)' style='fill:var(--surface);stroke:var(--text);stroke-width:2'/></svg>",
    );
  });

  it("defines every fill and every line marker, once, in each chart image", () => {
    const svg = chartDocument({ width: 10, height: 10, bands: "", body: markup`` }, "T", "");
    for (const fill of ["firefighting", "strategy", "other", "QUARTER", "ONE_YEAR", "THREE_YEARS", "FIVE_YEARS"]) expect(count(new RegExp(`id='chart-fill-${fill}'`, "g"), svg)).toBe(1);
    expect(count(/<marker id='chart-mark-/g, svg)).toBe(5);
    expect(svg).toContain(
      "<marker id='chart-mark-diamond-text' viewBox='-6 -6 12 12' markerWidth='12' markerHeight='12' markerUnits='userSpaceOnUse' overflow='visible'><path d='M0 -5l5 5l-5 5l-5-5z' style='fill:var(--surface);stroke:var(--text);stroke-width:2'/></marker>",
    );
  });
});

describe("chart sizes", () => {
  const placements = [
    { column: "page", split: false },
    { column: "half", split: false },
    { column: "page", split: true },
    { column: "half", split: true },
  ] as const;

  it("follow the page's layout: a half column on a 1280-px laptop is at most the 426 px it measures", () => {
    expect(chartBoxWidth(80, { column: "half", split: false }) * 16).toBeGreaterThan(410);
    expect(chartBoxWidth(80, { column: "half", split: false }) * 16).toBeLessThanOrEqual(426);
    // Across the page, a chart stops growing at 56rem.
    expect(chartBoxWidth(90, { column: "page", split: false })).toBe(56);
  });

  it("give every box, from 360 to 1440 px, the widest drawing no wider than it, so 12-unit labels are 12-16 px", () => {
    for (const placement of placements) {
      const choices = sizeChoices(placement);
      expect(choices.at(-1)?.maxWidth).toBeNull();
      for (let viewport = 360; viewport <= 1440; viewport += 1) {
        // What the browser does: the first source whose media query holds, else the image.
        const size = choices.find(({ maxWidth }) => maxWidth === null || viewport <= maxWidth * 16)?.size ?? 0;
        const box = chartBoxWidth(viewport / 16, placement) * 16;
        const at = `${placement.column}${placement.split ? ", split" : ""}, at ${viewport} px`;
        expect(size, at).toBeLessThanOrEqual(Math.max(box, CHART_SIZES[0]));
        expect((12 * box) / size, at).toBeLessThanOrEqual(16);
      }
    }
  });

  it("are media queries in rem, like the layout's breakpoints", () => {
    expect(sizeMedia(439.5 / 16)).toBe("(max-width: 27.4688rem)");
  });
});
