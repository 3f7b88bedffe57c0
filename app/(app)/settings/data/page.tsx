import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { ImportForm } from "@/components/settings/import-form";
import { buttonClasses, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isAccountEmpty } from "@/lib/account/import";
import { CSV_FILES } from "@/lib/account/account.validation";
import { getProfile } from "@/lib/users";
import { requireViewer } from "@/lib/server/viewer";
import { deleteAccountAction, importDataAction } from "./actions";

export const metadata: Metadata = { title: "Your data" };

const CSV_LABELS: Record<(typeof CSV_FILES)[number], string> = {
  "weeks.csv": "Weeks",
  "touchpoints.csv": "Touchpoints",
  "stakeholders.csv": "Stakeholders",
  "notes.csv": "Vision notes",
};

export default async function YourDataPage() {
  const viewer = await requireViewer();
  const [settings, empty] = await Promise.all([getProfile(viewer.userId), isAccountEmpty(viewer)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="Your data"
        description="Everything you write here is yours: take it with you, bring it back, or delete it."
        action={
          <LinkButton href="/settings" variant="secondary">
            Back to settings
          </LinkButton>
        }
      />

      <Card
        title="Download everything"
        description="One JSON file with your settings, goals, weeks, stakeholders, touchpoints, vision notes, calendar rules, calendar feeds (without their secret addresses), mentorships and comments. It can be imported into an empty Wheelhouse account."
      >
        {/* Plain links: a download is a GET that changes nothing. */}
        <a href="/settings/data/export.json" download className={buttonClasses("primary")}>
          Download everything (JSON)
        </a>
        <h3 className="mt-6 text-sm font-semibold">For spreadsheets (CSV)</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {CSV_FILES.map((file) => (
            <li key={file}>
              <a href={`/settings/data/export/${file}`} download className={buttonClasses("secondary")}>
                {CSV_LABELS[file]}
              </a>
            </li>
          ))}
        </ul>
      </Card>

      <Card
        title="Import"
        description={
          empty
            ? "Bring back a Wheelhouse export: your settings, goals, weeks, stakeholders, touchpoints and vision notes."
            : "Import only works into an empty account, so nothing gets mixed up. This account already has weeks, stakeholders, touchpoints or vision notes."
        }
      >
        {empty ? <ImportForm action={importDataAction} /> : null}
      </Card>

      <Card
        tone="danger"
        title="Delete your account"
        description="Deletes your weeks, stakeholders, touchpoints, vision notes and comments, ends your mentorships (yours and the ones where you mentor someone), and signs you out everywhere. Your security history is kept without your name."
      >
        <DeleteAccountForm action={deleteAccountAction} email={settings.email} />
      </Card>
    </div>
  );
}
