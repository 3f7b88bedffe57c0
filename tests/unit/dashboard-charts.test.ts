import { describe, expect, it } from "vitest";
import { cellOpacity, heatmap } from "@/components/charts/heatmap";
import { lineChart } from "@/components/charts/line-chart";
import { markup } from "@/components/charts/markup";
import { stackedBarChart } from "@/components/charts/stacked-bar-chart";
import { bucketSummary } from "@/components/charts/bucket-summary";
import { bucketsFor, dashboardWindow, hours } from "@/lib/dashboard-model";

const window = dashboardWindow("12w", { timeZone: "UTC", weekStartsOn: 1 }, new Date("2026-11-24T10:00:00Z"));
const buckets = bucketsFor(window, []).slice(-3);
const count = (pattern: RegExp, html: string) => html.match(pattern)?.length ?? 0;

describe("chart markup", () => {
  it("escapes every interpolated value", () => {
    expect(markup`<text>${'<script>alert("x")</script> & co'}</text>`.html).toBe("<text>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</text>");
    expect(markup`<g>${[markup`<b/>`, "<i>"]}${null}${1.26}</g>`.html).toBe("<g><b/>&lt;i&gt;1.3</g>");
  });

  it("draws an unlogged week as a gap, never as a zero bar, and tells the explorer where the bars are", () => {
    const html = stackedBarChart({
      id: "t",
      title: "Strategy share rose to 50%",
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
    }).html;
    expect(html).toMatch(
      /^<svg class='chart' viewBox='0 0 560 260' role='img' tabindex='0' aria-labelledby='t-t' aria-describedby='chart-keys' data-bands='[\d. ]+'><title id='t-t'>Strategy share rose to 50%<\/title>/,
    );
    // Three bands side by side, centred in the plot (52 to 508).
    const [left = 0, step = 0, buckets3, top, bottom] = (/data-bands='([^']+)'/.exec(html)?.[1] ?? "").split(" ").map(Number);
    expect(buckets3).toBe(3);
    expect(left).toBeGreaterThanOrEqual(52);
    expect(left - 52).toBeCloseTo(508 - (left + 3 * step), 0);
    expect([top, bottom]).toEqual([6, 212]);
    // One focus stop for the chart, none per bar: values come from the table.
    expect(count(/tabindex/g, html)).toBe(1);
    expect(count(/<path class='gap' d='M[^M']+'/g, html)).toBe(1);
    // One path per fill, one segment per logged week.
    expect(count(/M/g, /<path stroke='url\(#chart-fill-strategy\)' d='([^']+)'/.exec(html)?.[1] ?? "")).toBe(2);
    expect(html).toContain("Goal 40%");
    // The share line breaks at the gap: two separate segments.
    expect(count(/M/g, /<path class='line s-text' d='([^']+)'/.exec(html)?.[1] ?? "")).toBe(2);
  });

  it("breaks rating lines where nothing was rated", () => {
    const html = lineChart({
      id: "r",
      title: "Ratings",
      buckets,
      series: [{ key: "strategy", label: "Strategic time", style: { stroke: "s-strategy", marker: "circle" }, values: [3, null, 4] }],
      domain: [1, 5],
      valueLabel: "Self-rating",
      xLabel: "Week starting",
      format: String,
    }).html;
    expect(html).toContain("data-bands='");
    // The line breaks at the gap, and every point carries the series' marker, defined once for the page.
    expect(count(/M/g, /<path class='line s-strategy' d='([^']+)'/.exec(html)?.[1] ?? "")).toBe(2);
    expect(html).toContain("marker-mid='url(#chart-mark-circle-s-strategy)'");
  });

  it("shades heatmap cells by count and writes the count when it fits", () => {
    expect(cellOpacity(0, 4)).toBe(0);
    expect(cellOpacity(4, 4)).toBe(1);
    expect(cellOpacity(1, 4)).toBeCloseTo(0.4375);
    const html = heatmap({
      id: "h",
      title: "Coverage",
      buckets,
      rows: [
        { key: "SALES", label: "Sales", values: [0, 2, 4] },
        { key: "LEGAL", label: "Legal", values: [0, 0, 1] },
      ],
      max: 4,
      xLabel: "Week starting",
    }).html;
    expect(html).toContain("data-bands='");
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
