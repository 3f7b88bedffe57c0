import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

type Props = {
  /** What the pages hold, for the landmark: "Pages of weeks". */
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  previousLabel: string;
  nextLabel: string;
};

/** Previous and next page of a list, and where this page sits. Nothing when there is one page. */
export function Pagination({ label, page, pages, href, previousLabel, nextLabel }: Props) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClasses("secondary")}>
          <span aria-hidden="true">←</span> {previousLabel}
        </Link>
      ) : (
        <span />
      )}
      <p className="tabular text-sm text-muted">
        Page {page} of {pages}
      </p>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={buttonClasses("secondary")}>
          {nextLabel} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
