import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

// In a route group so that it wraps only the list: a week's own page decides
// its redirect or 404 before anything streams.
export default function Loading() {
  return (
    <PageSkeleton width="max-w-3xl" what="your weeks" action>
      <SkeletonBlock className="h-40" />
      <SkeletonBlock className="h-[40rem]" />
    </PageSkeleton>
  );
}
