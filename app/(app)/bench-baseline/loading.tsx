import { PageSkeleton } from "@/components/ui/page-skeleton";

/** Like every signed-in page, so the benchmark's baseline keeps the dashboard's shape. */
export default function Loading() {
  return <PageSkeleton width="max-w-6xl" what="the page" />;
}
