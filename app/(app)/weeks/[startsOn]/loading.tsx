import { PageSkeleton, SkeletonBlock } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton width="max-w-2xl" what="the week" action>
      <SkeletonBlock className="h-[36rem]" />
      <SkeletonBlock className="h-64" />
    </PageSkeleton>
  );
}
