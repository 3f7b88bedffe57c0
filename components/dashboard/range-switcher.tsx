import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { RANGES, type RangeKey } from "@/lib/dashboard-model";

/** Plain links, so a range is a URL to bookmark or send to a mentor, and no script is needed. */
export function RangeSwitcher({ current, basePath = "/dashboard" }: { current: RangeKey; basePath?: string }) {
  return (
    <nav aria-label="Range">
      <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-border bg-surface p-1">
        {(Object.keys(RANGES) as RangeKey[]).map((range) => (
          <li key={range}>
            <Link
              href={range === "12w" ? basePath : `${basePath}?range=${range}`}
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
