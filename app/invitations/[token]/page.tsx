import type { Metadata } from "next";
import { AuthCard } from "@/components/app/auth-card";
import { Button, LinkButton } from "@/components/ui/button";
import { sharingSummary } from "@/lib/mentoring/mentorship-model";
import { describeInvitation } from "@/lib/mentoring/mentorships";
import { getViewer } from "@/lib/server/viewer";
import { acceptInvitationAction, switchAccountAction } from "./actions";

export const metadata: Metadata = { title: "Mentor invitation", referrer: "no-referrer" };

/**
 * The link in an invitation email. Signed out: sign in with the invited
 * address and come back here. Signed in as the invitee: accept with one
 * click (a POST, so link scanners and prefetching never accept). Any other
 * account is told which address the invitation is for. Every link that no
 * longer works gets the same page, which says nothing about anyone.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await getViewer();
  const invitation = await describeInvitation(token, viewer);
  const here = `/invitations/${encodeURIComponent(token)}`;

  if (invitation.kind === "invalid") {
    return (
      <AuthCard title="This invitation link does not work">
        <p className="text-muted">
          It may have been used already, cancelled, replaced by a newer one, or it is more than 7 days old. Ask the person who invited you to send a new
          invitation from their Mentors page.
        </p>
        <div className="mt-6">
          <LinkButton href={viewer ? "/dashboard" : "/signin"} variant="secondary">
            {viewer ? "Go to your dashboard" : "Sign in to Wheelhouse"}
          </LinkButton>
        </div>
      </AuthCard>
    );
  }

  const intro = (
    <>
      <p>
        <strong className="font-semibold">{invitation.leaderName}</strong> invited you to be their mentor on Wheelhouse.
      </p>
      {invitation.message ? <blockquote className="mt-3 border-l-2 border-border-strong pl-3 whitespace-pre-line text-muted">{invitation.message}</blockquote> : null}
      <p className="mt-3 text-sm text-muted">You will see: {sharingSummary(invitation.share).toLowerCase()}. You can comment on their weeks.</p>
    </>
  );

  if (invitation.viewerIsInvitee === null) {
    return (
      <AuthCard title="You are invited to mentor">
        {intro}
        <p className="mt-4">
          Sign in (or sign up) with <strong className="font-semibold break-words">{invitation.inviteEmail}</strong> to accept.
        </p>
        <div className="mt-6">
          <LinkButton href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>Sign in to accept</LinkButton>
        </div>
      </AuthCard>
    );
  }

  if (!invitation.viewerIsInvitee) {
    return (
      <AuthCard title="This invitation is for another address">
        <p>
          This invitation is for <strong className="font-semibold break-words">{invitation.inviteEmail}</strong>, but you are signed in with a different
          address. Nothing has been accepted.
        </p>
        <p className="mt-3 text-sm text-muted">Sign out, then sign in with {invitation.inviteEmail} to accept it.</p>
        <form action={switchAccountAction.bind(null, token)} className="mt-6 flex flex-wrap gap-3">
          <Button type="submit">Sign out and switch account</Button>
          <LinkButton href="/dashboard" variant="ghost">
            Not now
          </LinkButton>
        </form>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Accept the invitation">
      {intro}
      <form action={acceptInvitationAction.bind(null, token)} className="mt-6">
        <Button type="submit">Accept and start mentoring</Button>
      </form>
    </AuthCard>
  );
}
