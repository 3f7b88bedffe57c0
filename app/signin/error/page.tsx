import type { Metadata } from "next";
import { AuthCard } from "@/components/app/auth-card";
import { LinkButton } from "@/components/ui/button";

export const metadata: Metadata = { title: "Sign-in problem" };

const messages: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Links work once, for 10 minutes.",
  AccessDenied: "That account is not allowed to sign in.",
  Configuration: "Sign-in is not available right now. Please try again in a moment.",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const message = (typeof error === "string" && messages[error]) || "We could not sign you in. Please try again.";
  return (
    <AuthCard title="We could not sign you in">
      <p>{message}</p>
      <LinkButton href="/signin" className="mt-6">
        Get a new link
      </LinkButton>
    </AuthCard>
  );
}
