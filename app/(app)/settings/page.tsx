import type { Metadata } from "next";
import { SettingsForm } from "@/components/app/settings-form";
import { EmailPreferencesForm } from "@/components/settings/email-preferences-form";
import { TimeZoneSuggestions } from "@/components/settings/time-zone-suggestions";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canonicalTimeZone } from "@/lib/shared/time-zones";
import { getProfile } from "@/lib/users";
import { getEmailPreferences } from "@/lib/reminders/preferences";
import { requireViewer } from "@/lib/server/viewer";
import { saveEmailPreferences, saveSettings, signOutAllDevices } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requireViewer();
  // The profile came with the session: no statement of its own.
  const [settings, emails] = await Promise.all([getProfile(viewer.userId), getEmailPreferences(viewer)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Settings" description={`Signed in as ${settings.email}`} />
      <Card title="Profile and weeks">
        <SettingsForm
          action={saveSettings}
          name={settings.name}
          // A zone saved by an old name shows (and saves) as its current one.
          timeZone={settings.timeZone === null ? null : (canonicalTimeZone(settings.timeZone) ?? settings.timeZone)}
          weekStartsOn={settings.weekStartsOn}
        />
      </Card>
      <Card id="notifications" title="Notifications">
        <EmailPreferencesForm
          action={saveEmailPreferences}
          enabled={{ weekReminder: emails.weekReminder, mentorDigest: emails.mentorDigest, commentDigest: emails.commentDigest }}
          day={emails.weeklyEmailDay}
          minute={emails.weeklyEmailMinute}
          timeZone={emails.timeZone}
          next={emails.weeklyEmailDueAt}
        />
      </Card>
      <Card title="Security and your data" description="See every sign-in and download on your account; export, import or delete your data.">
        <div className="flex flex-wrap gap-3">
          <LinkButton href="/settings/security" variant="secondary">
            Security history
          </LinkButton>
          <LinkButton href="/settings/data" variant="secondary">
            Your data
          </LinkButton>
        </div>
      </Card>
      <Card title="Devices" description="Signed in somewhere you should not be? End every session, including this one.">
        <form action={signOutAllDevices}>
          <Button type="submit" variant="danger">
            Sign out of all devices
          </Button>
        </form>
      </Card>
      {/* Last: React sends the elements after a long string as rows of their own, streamed apart (decision record 037). */}
      <TimeZoneSuggestions />
    </div>
  );
}
