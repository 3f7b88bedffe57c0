import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { dashboardViewQuery, RANGES, type RangeKey } from "@/lib/dashboard/view";

/** The address of a range, with the charts' tables shown when they are now. */
function rangeHref(basePath: string, range: RangeKey, tables: boolean): string {
  const query = dashboardViewQuery({ range, tables });
  return query === "" ? basePath : `${basePath}?${query}`;
}

/** Plain links, so a range is a URL to bookmark or send to a mentor, and no script is needed. */
export function RangeSwitcher({ current, basePath = "/dashboard", tables = false }: { current: RangeKey; basePath?: string; tables?: boolean }) {
  return (
    <nav aria-label="Range">
      <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-border bg-surface p-1">
        {(Object.keys(RANGES) as RangeKey[]).map((range) => (
          <li key={range}>
            <Link
              href={rangeHref(basePath, range, tables)}
              aria-current={range === current ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-1.5 text-sm font-medium",
                range === current ? "bg-accent-soft text-text" : "text-muted hover:bg-surface-muted hover:text-text",
              )}
            >
              {RANGES[range]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
