import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

// In a route group so that it wraps only the list: a note's own pages check
// the id before anything streams, and so still answer 404 for a stranger's.
export default function Loading() {
  return (
    <PageSkeleton width="max-w-5xl" what="vision notes" action>
      <SkeletonBlock className="h-16" />
      <SkeletonBlock className="h-96" />
    </PageSkeleton>
  );
}
