import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHART_FONT, CHART_TOKENS, chartDocument } from "@/components/charts/chart-document";
import { markup } from "@/components/charts/markup";
import { stackedBarChart } from "@/components/charts/stacked-bar-chart";
import { chartImageResponse } from "@/lib/server/chart-images";
import { bucketsFor, dashboardWindow } from "@/lib/dashboard/windows";
import { hours } from "@/lib/dashboard/figures";

/** The custom properties a block of CSS sets, by name. */
function customProperties(css: string): Map<string, string> {
  return new Map([...css.matchAll(/--([\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name ?? "", (value ?? "").trim()]));
}

describe("a chart image", () => {
  const window = dashboardWindow("12w", { timeZone: "UTC", weekStartsOn: 1 }, new Date("2026-11-24T10:00:00Z"));
  const drawing = stackedBarChart({
    width: 560,
    buckets: bucketsFor(window, []).slice(-3),
    series: [{ key: "strategy", label: "Strategy", fill: "strategy" }],
    values: [{ strategy: 2 }, null, { strategy: 3 }],
    valueLabel: "Hours",
    xLabel: "Week starting",
    format: hours,
  });

  it("is a standalone SVG document, named by its title, with its own styles and paint", () => {
    const svg = chartDocument(drawing, "Strategy <share> & co", "Week\tStrategy\nWeek of 16 Nov 2026\t<4> h");
    expect(svg).toMatch(
      /^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' width='560' height='260' viewBox='0 0 560 260'><title>Strategy &lt;share&gt; &amp; co<\/title><metadata>Week\tStrategy\nWeek of 16 Nov 2026\t&lt;4&gt; h<\/metadata><style>/,
    );
    expect(svg).toContain("<defs><pattern id='chart-fill-firefighting'");
    // Opaque, on the card's background, over the page's skeleton.
    expect(svg).toContain("</defs><rect class='bg' width='560' height='260'/>");
    expect(svg).toContain(".bg{fill:var(--surface)}");
    expect(svg).toContain(drawing.body.html);
    expect(svg.endsWith("</svg>")).toBe(true);
    // An image loads nothing and runs nothing: every reference is to its own definitions.
    expect(svg).not.toMatch(/<script|href=|@import|url\((?!#)/);
    // Both themes, as the page has them.
    expect(svg).toContain(":root{--surface:#ffffff;");
    expect(svg).toContain("@media (prefers-color-scheme:dark){:root{--surface:#191b1e;");
  });

  it("paints with the page's own colour tokens and type, in both themes", () => {
    const css = readFileSync("app/globals.css", "utf8");
    const light = customProperties(css.slice(css.indexOf(":root {"), css.indexOf("@media screen and (prefers-color-scheme: dark)")));
    const dark = customProperties(css.slice(css.indexOf("@media screen and (prefers-color-scheme: dark)"), css.indexOf("@theme inline")));
    for (const [name, value] of Object.entries(CHART_TOKENS.light)) expect([name, light.get(name)]).toEqual([name, value]);
    for (const [name, value] of Object.entries(CHART_TOKENS.dark)) expect([name, dark.get(name)]).toEqual([name, value]);
    expect(customProperties(css).get("font-sans")).toBe(CHART_FONT);
  });

  it("is kept by the browser for good at its own version's address, and checked again at any other", async () => {
    const image = { svg: chartDocument(drawing, "T", ""), version: "v1" };
    const current = chartImageResponse(image, "v1");
    expect(current.status).toBe(200);
    expect(current.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(current.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(current.headers.get("etag")).toBe('"v1"');
    expect(await current.text()).toBe(image.svg);

    const stale = chartImageResponse(image, "v0");
    expect(stale.headers.get("cache-control")).toBe("private, no-cache");
    expect(await stale.text()).toBe(image.svg);
    const unchanged = chartImageResponse(image, undefined, '"v1"');
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");

    const missing = chartImageResponse(undefined, "v1");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("private, no-store");
  });

  it("escapes the text it draws", () => {
    expect(chartDocument({ width: 10, height: 10, bands: "", body: markup`<text>${"</svg><script>x</script>"}</text>` }, "T", "")).toContain("<text>&lt;/svg&gt;&lt;script&gt;x&lt;/script&gt;</text>");
  });
});
