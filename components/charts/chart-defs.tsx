// What every chart on a page shares, rendered once: the styles of the chart
// markup (short class names keep years of bars small) and the fill patterns.
// Colours come from the design tokens, so light and dark themes follow.

const FILLS = {
  firefighting: { colour: "var(--firefighting)", pattern: "hatch" },
  strategy: { colour: "var(--strategy)", pattern: "solid" },
  other: { colour: "var(--other)", pattern: "dots" },
  QUARTER: { colour: "var(--accent)", pattern: "solid" },
  ONE_YEAR: { colour: "var(--accent)", pattern: "hatch" },
  THREE_YEARS: { colour: "var(--accent)", pattern: "dots" },
  FIVE_YEARS: { colour: "var(--accent)", pattern: "cross" },
} as const;

/** Fills differ by pattern as well as colour: hatched firefighting, solid strategy, dotted other. */
export type Fill = keyof typeof FILLS;

export function fillUrl(fill: Fill): string {
  return `url(#chart-fill-${fill})`;
}

const CSS = `
.chart{display:block;width:100%;max-width:44rem;height:auto;overflow:visible;font-size:12px}
.chart text{fill:var(--muted)}
.chart .m{text-anchor:middle}
.chart .e{text-anchor:end}
.chart .grid{stroke:var(--border)}
.chart .axis{stroke:var(--border-strong)}
.chart .b{outline:none}
.chart .h{fill:transparent;stroke:transparent;stroke-width:2;rx:3px}
.chart .b:hover .h{fill:color-mix(in srgb,var(--text) 6%,transparent)}
.chart .b:focus-visible .h{stroke:var(--focus)}
.chart .v{fill:var(--text);opacity:0;pointer-events:none}
.chart .b:hover .v,.chart .b:focus .v{opacity:1}
.chart .gap{stroke:var(--muted);stroke-width:2;stroke-dasharray:3 3}
.chart .line{fill:none;stroke-width:2}
.chart .dot{fill:var(--surface);stroke-width:2}
.chart .goal{stroke:var(--text);stroke-width:1.5;stroke-dasharray:6 4}
.chart text.strong{fill:var(--text)}
.chart .cell0{stroke:var(--surface-muted)}
.chart .cell{stroke:var(--accent)}
.chart text.count{font-size:11px;fill:var(--text)}
.chart text.count.dark{fill:var(--accent-text)}
.chart .s-text{stroke:var(--text)}
.chart .s-strategy{stroke:var(--strategy)}
.chart .s-firefighting{stroke:var(--firefighting)}
.chart .s-accent{stroke:var(--accent)}
.chart-table{border-collapse:collapse;min-width:max-content;width:100%;font-variant-numeric:tabular-nums}
.chart-table th,.chart-table td{padding:.25rem .5rem;border-bottom:1px solid var(--border);text-align:right;font-weight:400}
.chart-table thead th{font-weight:500;border-bottom-color:var(--border-strong)}
.chart-table th:first-child{text-align:left;padding-left:0}
`;

function PatternBody({ colour, pattern }: { colour: string; pattern: (typeof FILLS)[Fill]["pattern"] }) {
  const base = <rect width="8" height="8" style={{ fill: colour }} />;
  switch (pattern) {
    case "solid":
      return base;
    case "hatch":
      return (
        <>
          {base}
          <path d="M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6" strokeWidth="2" style={{ stroke: "var(--surface)" }} />
        </>
      );
    case "dots":
      return (
        <>
          {base}
          <circle cx="2" cy="2" r="1.2" style={{ fill: "var(--surface)" }} />
          <circle cx="6" cy="6" r="1.2" style={{ fill: "var(--surface)" }} />
        </>
      );
    case "cross":
      return (
        <>
          {base}
          <path d="M0 4 H8 M4 0 V8" strokeWidth="1.2" style={{ stroke: "var(--surface)" }} />
        </>
      );
  }
}

/** Render once per page, before the charts. */
export function ChartDefs() {
  return (
    <>
      <style>{CSS}</style>
      <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
        <defs>
          {Object.entries(FILLS).map(([key, fill]) => (
            <pattern key={key} id={`chart-fill-${key}`} width="8" height="8" patternUnits="userSpaceOnUse">
              <PatternBody colour={fill.colour} pattern={fill.pattern} />
            </pattern>
          ))}
        </defs>
      </svg>
    </>
  );
}

export function Swatch({ fill }: { fill: Fill }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="13" height="13" rx="2" fill={fillUrl(fill)} className="stroke-border-strong" />
    </svg>
  );
}
