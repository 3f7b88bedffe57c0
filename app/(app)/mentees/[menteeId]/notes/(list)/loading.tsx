import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-5xl" what="your mentee's vision notes">
      <SkeletonBlock className="h-96" />
    </PageSkeleton>
  );
}
