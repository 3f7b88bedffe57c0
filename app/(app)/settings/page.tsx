import type { Metadata } from "next";
import { SettingsForm } from "@/components/app/settings-form";
import { EmailPreferencesForm } from "@/components/settings/email-preferences-form";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canonicalTimeZone, timeZoneOptions } from "@/lib/shared/time-zones";
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
      <Card aria-labelledby="profile-title">
        <h2 id="profile-title" className="mb-4 text-lg font-semibold">
          Profile and weeks
        </h2>
        <SettingsForm
          action={saveSettings}
          name={settings.name}
          // A zone saved by an old name shows (and saves) as its current one.
          timeZone={settings.timeZone === null ? null : (canonicalTimeZone(settings.timeZone) ?? settings.timeZone)}
          weekStartsOn={settings.weekStartsOn}
          timeZones={timeZoneOptions()}
        />
      </Card>
      <Card id="notifications" aria-labelledby="notifications-title">
        <h2 id="notifications-title" className="mb-4 text-lg font-semibold">
          Notifications
        </h2>
        <EmailPreferencesForm
          action={saveEmailPreferences}
          enabled={{ weekReminder: emails.weekReminder, mentorDigest: emails.mentorDigest, commentDigest: emails.commentDigest }}
          day={emails.weeklyEmailDay}
          minute={emails.weeklyEmailMinute}
          timeZone={emails.timeZone}
          next={emails.weeklyEmailDueAt}
        />
      </Card>
      <Card aria-labelledby="trust-title">
        <h2 id="trust-title" className="text-lg font-semibold">
          Security and your data
        </h2>
        <p className="mt-1 text-muted">See every sign-in and download on your account; export, import or delete your data.</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <LinkButton href="/settings/security" variant="secondary">
            Security history
          </LinkButton>
          <LinkButton href="/settings/data" variant="secondary">
            Your data
          </LinkButton>
        </div>
      </Card>
      <Card aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-lg font-semibold">
          Devices
        </h2>
        <p className="mt-1 text-muted">Signed in somewhere you should not be? End every session, including this one.</p>
        <form action={signOutAllDevices} className="mt-4">
          <Button type="submit" variant="danger">
            Sign out of all devices
          </Button>
        </form>
      </Card>
    </div>
  );
}
