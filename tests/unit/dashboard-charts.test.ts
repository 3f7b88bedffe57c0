import { describe, expect, it } from "vitest";
import { cellOpacity, heatmap } from "@/components/charts/heatmap";
import { lineChart } from "@/components/charts/line-chart";
import { markup } from "@/components/charts/markup";
import { stackedBarChart } from "@/components/charts/stacked-bar-chart";
import { bucketsFor, dashboardWindow, hours } from "@/lib/dashboard-model";

const window = dashboardWindow("12w", { timeZone: "UTC", weekStartsOn: 1 }, new Date("2026-11-24T10:00:00Z"));
const buckets = bucketsFor(window, []).slice(-3);
const count = (pattern: RegExp, html: string) => html.match(pattern)?.length ?? 0;

describe("chart markup", () => {
  it("escapes every interpolated value", () => {
    expect(markup`<text>${'<script>alert("x")</script> & co'}</text>`.html).toBe("<text>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</text>");
    expect(markup`<g>${[markup`<b/>`, "<i>"]}${null}${1.26}</g>`.html).toBe("<g><b/>&lt;i&gt;1.3</g>");
  });

  it("draws an unlogged week as a gap, never as a zero bar, and names every bar", () => {
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
      gapLabel: "not logged",
      overlay: { label: "Strategy share", values: [0.5, null, 0.75], goal: 0.4 },
    }).html;
    expect(html).toMatch(/^<svg class='chart' viewBox='0 0 560 260' aria-labelledby='t-t'><title id='t-t'>Strategy share rose to 50%<\/title>/);
    expect(count(/<g class='b' tabindex='0' role='img'><title>/g, html)).toBe(3);
    expect(html).toContain("<title>Week of 16 Nov 2026: not logged</title>");
    expect(html).toContain("<title>Week of 23 Nov 2026 (so far): Strategy 3 h, Firefighting 1 h, Strategy share 75%</title>");
    expect(count(/<path class='gap'/g, html)).toBe(1);
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
      gapLabel: "no ratings",
    }).html;
    expect(html).toContain("Week of 16 Nov 2026: no ratings");
    // One marker per rated week, all in one path.
    expect(count(/M/g, /<path class='dot s-strategy' d='([^']+)'/.exec(html)?.[1] ?? "")).toBe(2);
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
      unit: (n) => `${n} touchpoint${n === 1 ? "" : "s"}`,
      emptyLabel: "no touchpoints",
    }).html;
    expect(html).toContain("Week of 9 Nov 2026: no touchpoints");
    expect(html).toContain("Week of 23 Nov 2026 (so far): Sales 4 touchpoints, Legal 1 touchpoint");
    // Empty cells share one path: three of them.
    expect(count(/M/g, /<path class='cell0' d='([^']+)'/.exec(html)?.[1] ?? "")).toBe(3);
    expect(html).toContain("<text class='count m dark'");
  });
});
