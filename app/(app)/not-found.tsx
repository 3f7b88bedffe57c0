import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

/**
 * A missing page inside the signed-in area: shown within the app shell, whose
 * <main> holds it, so it brings no landmark of its own (app/not-found.tsx, for
 * addresses outside the app, has the sign-in pages' layout and its own <main>).
 */
export default function SignedInNotFound() {
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Not found" description="There is nothing here, or it is not yours to see." />
      <LinkButton href="/dashboard">Go to your dashboard</LinkButton>
    </div>
  );
}
