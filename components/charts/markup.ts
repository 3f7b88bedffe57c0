// Charts and their tables are built as markup strings by pure functions and
// embedded once per figure: thousands of SVG nodes as React elements cost
// ~100× more server time than the same markup as a string (see
// docs/decisions/004-server-rendered-svg-charts.md). Every interpolated
// value is escaped unless it is Markup itself, so nothing unescaped slips in.

export class Markup {
  constructor(readonly html: string) {}
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/;

export function escapeMarkup(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

/** A coordinate to 0.1 of a unit: finer than a pixel, and short. */
export function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

// Hot: a five-year chart interpolates thousands of values, mostly coordinates.
function render(value: unknown): string {
  switch (typeof value) {
    case "number":
      return round(value);
    case "string":
      return escapeMarkup(value);
    case "undefined":
      return "";
    case "object": {
      if (value === null) return "";
      if (value instanceof Markup) return value.html;
      if (Array.isArray(value)) {
        let html = "";
        for (const item of value) html += render(item);
        return html;
      }
      return escapeMarkup(String(value));
    }
    default:
      return value === false ? "" : escapeMarkup(String(value));
  }
}

/**
 * The same markup as one flat string. A string built by concatenation, as
 * `markup` builds it, is kept by V8 as a tree of its thousands of pieces,
 * several times its length (a chart's figure: ~25 kB more), until something
 * reads it whole: worth copying flat when it is kept for long.
 */
export function flattened(built: Markup): Markup {
  return new Markup(Buffer.from(built.html).toString());
}

/** `markup\`<text x="${x}">${label}</text>\``: numbers rounded to 0.1, text escaped. */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let html = strings[0] ?? "";
  values.forEach((value, index) => {
    html += render(value) + (strings[index + 1] ?? "");
  });
  return new Markup(html);
}
