import { AuthCard } from "@/components/app/auth-card";
import { LinkButton } from "@/components/ui/button";

export default function NotFound() {
  return (
    <AuthCard title="Not found">
      <p>There is nothing here, or it is not yours to see.</p>
      <LinkButton href="/dashboard" className="mt-6">
        Go to your dashboard
      </LinkButton>
    </AuthCard>
  );
}
