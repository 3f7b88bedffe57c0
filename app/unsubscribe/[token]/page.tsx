import type { Metadata } from "next";
import { AuthCard } from "@/components/app/auth-card";
import { Button, LinkButton } from "@/components/ui/button";
import { checkUnsubscribeLink } from "@/lib/reminders/unsubscribe";
import { EMAIL_KIND_TEXT } from "@/lib/reminders/preferences.validation";
import { UNSUBSCRIBE_TOKEN_DAYS } from "@/lib/reminders/unsubscribe-token";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer", robots: { index: false } };

/**
 * The unsubscribe link, opened: it shows what it would stop and a button
 * that posts to the one-click address. Opening it changes nothing (link
 * scanners and prefetching open links too). No sign-in needed.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await checkUnsubscribeLink(token);
  const settings = (
    <LinkButton href="/settings#notifications" variant="secondary">
      Choose your emails in Settings
    </LinkButton>
  );

  if (link.status !== "valid") {
    return (
      <AuthCard title="This unsubscribe link does not work">
        <p className="text-muted">
          {link.status === "expired"
            ? `Unsubscribe links work for ${UNSUBSCRIBE_TOKEN_DAYS} days, and this one is older.`
            : "It may have been copied only in part."}{" "}
          Sign in to Wheelhouse and turn off any email in Settings, each with its own switch.
        </p>
        <div className="mt-6">{settings}</div>
      </AuthCard>
    );
  }

  const what = EMAIL_KIND_TEXT[link.kind].noun;
  if (!link.subscribed) {
    return (
      <AuthCard title="You are unsubscribed">
        <p>
          <strong className="font-semibold break-words">{link.email}</strong> no longer gets {what}. Your other emails are unchanged.
        </p>
        <p className="mt-3 text-sm text-muted">Changed your mind? Turn it back on in Settings.</p>
        <div className="mt-6">{settings}</div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Unsubscribe?">
      <p>
        Stop {what} to <strong className="font-semibold break-words">{link.email}</strong>?
      </p>
      <p className="mt-3 text-sm text-muted">{EMAIL_KIND_TEXT[link.kind].help} Your other emails are unchanged.</p>
      {/* A plain form: works without JavaScript, and posts what a mail client's one-click unsubscribe posts. */}
      <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`} className="mt-6 flex flex-wrap gap-3">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit">Unsubscribe</Button>
      </form>
    </AuthCard>
  );
}
