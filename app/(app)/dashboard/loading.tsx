import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-6xl" what="your dashboard" action>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <SkeletonBlock key={index} className="h-28" />
        ))}
      </div>
      <SkeletonBlock className="h-96" />
    </PageSkeleton>
  );
}
