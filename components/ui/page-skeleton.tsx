import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A grey stand-in for a block of the page, the same size as what it stands for. */
export function SkeletonBlock({ className }: { className?: string }) {
  return <div className={cn("rounded-lg border border-border bg-surface motion-safe:animate-pulse", className)} />;
}

type Props = {
  /** The page's column, exactly as the page sets it ("max-w-2xl"), so nothing moves when the page arrives. */
  width: string;
  /** What is loading, for screen readers: "stakeholders". */
  what: string;
  /** The page header has an action button (PageHeader's `action`). */
  action?: boolean;
  children?: ReactNode;
};

/**
 * A signed-in page while it loads (each route's loading.tsx): its column,
 * header and blocks where the page will put them, so a slow page never feels
 * like a dead click and nothing shifts when it arrives.
 */
export function PageSkeleton({ width, what, action = false, children }: Props) {
  return (
    <div className={cn("mx-auto", width)} data-skeleton="">
      <p role="status" className="sr-only">
        Loading {what}…
      </p>
      <div aria-hidden="true">
        {/* PageHeader's box: a title line (2rem) and a description line (1.5rem). */}
        <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <div className="h-8 w-48 rounded-md bg-surface-muted motion-safe:animate-pulse" />
            <div className="mt-1 h-6 w-80 max-w-full rounded-md bg-surface-muted motion-safe:animate-pulse" />
          </div>
          {action ? <div className="h-10 w-40 rounded-md bg-surface-muted motion-safe:animate-pulse" /> : null}
        </div>
        <div className="space-y-6">{children ?? <SkeletonBlock className="h-64" />}</div>
      </div>
    </div>
  );
}

/** A page that is one form in the narrow column (new and edit pages). */
export function FormPageSkeleton() {
  return (
    <PageSkeleton width="max-w-2xl" what="the form">
      <SkeletonBlock className="h-[28rem]" />
    </PageSkeleton>
  );
}
