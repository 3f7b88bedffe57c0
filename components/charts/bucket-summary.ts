// One bucket's values in words, from the cells of a chart's table: what the
// chart explorer shows on hover and focus and announces to screen readers.
// Pure, so it is unit-tested without a browser.

/** Whether a table has a row per bucket, or a row per category and a column per bucket. */
export type BucketsIn = "rows" | "columns";

/**
 * "Week of 23 Nov 2026 (so far): Firefighting 8 h, Strategy 4 h, Other 0 h".
 * Empty and zero cells are left out (a heatmap column names only the
 * departments met); a bucket with only words (Not logged) says them once.
 */
export function bucketSummary({ head, rows, bucketsIn, index }: { head: string[]; rows: string[][]; bucketsIn: BucketsIn; index: number }): string {
  const [name, pairs] =
    bucketsIn === "columns"
      ? [head[index + 1] ?? "", rows.map((row): [string, string] => [row[0] ?? "", row[index + 1] ?? ""])]
      : [rows[index]?.[0] ?? "", (rows[index] ?? []).slice(1).map((cell, column): [string, string] => [head[column + 1] ?? "", cell])];
  const values = pairs.filter(([, value]) => value !== "" && value !== "0");
  const words = new Set(values.filter(([, value]) => !/\d/.test(value)).map(([, value]) => value));
  if (values.length === 0) return `${name}: none`;
  if (words.size === 1 && values.every(([, value]) => words.has(value))) return `${name}: ${[...words][0]}`;
  return `${name}: ${values.map(([label, value]) => `${label} ${value}`).join(", ")}`;
}
