import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

// In a route group so that it wraps only the list, not a mentee's pages, whose
// access check must answer before anything streams.
export default function Loading() {
  return (
    <PageSkeleton width="max-w-4xl" what="your mentees">
      <SkeletonBlock className="h-64" />
    </PageSkeleton>
  );
}
