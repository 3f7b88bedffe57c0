export { FormPageSkeleton as default } from "@/components/ui/page-skeleton";
