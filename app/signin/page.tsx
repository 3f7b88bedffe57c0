import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/app/auth-card";
import { SignInForm } from "@/components/app/sign-in-form";
import { Button } from "@/components/ui/button";
import { oauthProviders } from "@/lib/server/auth";
import { safeCallbackPath } from "@/lib/shared/safe-redirect";
import { getViewer } from "@/lib/server/viewer";
import { describeInvitation } from "@/lib/mentoring/mentorships";
import { invitationTokenSchema } from "@/lib/mentoring/mentorships.validation";
import { requestSignInLink, signInWithProvider } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

/** Coming from an invitation link: the address it was sent to, to sign in with. Nothing for any other destination. */
async function invitedEmailFor(destination: string): Promise<string | undefined> {
  const match = /^\/invitations\/([^/?#]+)$/.exec(destination);
  const parsed = match ? invitationTokenSchema.safeParse({ token: decodeURIComponent(match[1]!) }) : null;
  if (!parsed?.success) return undefined;
  const invitation = await describeInvitation(parsed.data.token, null);
  return invitation.kind === "valid" ? invitation.inviteEmail : undefined;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (await getViewer()) redirect(destination);
  const invitedEmail = await invitedEmailFor(destination);

  return (
    <AuthCard title="Sign in to Wheelhouse">
      <p className="mb-5 text-muted">We will email you a link that signs you in. No password to remember. New to Wheelhouse? The same link creates your account.</p>
      <SignInForm action={requestSignInLink} callbackUrl={destination} defaultEmail={invitedEmail} />
      {oauthProviders.length > 0 ? (
        <div className="mt-6 border-t border-border pt-6">
          <p className="mb-3 text-sm text-muted">Or continue with</p>
          <div className="flex flex-col gap-2">
            {oauthProviders.map(({ id, name }) => (
              <form key={id} action={signInWithProvider}>
                <input type="hidden" name="provider" value={id} />
                <input type="hidden" name="callbackUrl" value={destination} />
                <Button type="submit" variant="secondary" className="w-full">
                  {name}
                </Button>
              </form>
            ))}
          </div>
        </div>
      ) : null}
    </AuthCard>
  );
}
