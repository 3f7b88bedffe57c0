import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listOutbox } from "@/lib/server/outbox";

// Development only: the `.dev.tsx` extension keeps this page out of production builds.
export const metadata: Metadata = { title: "Outbox (development)" };
export const dynamic = "force-dynamic";

const linkPattern = /(https?:\/\/\S+)/g;

export default async function OutboxPage() {
  const emails = await listOutbox();
  return (
    <main className="mx-auto max-w-3xl px-5 py-10">
      <PageHeader
        title="Outbox"
        description="EMAIL_SERVER is not set, so emails are written here (and to the server log) instead of being sent."
      />
      {emails.length === 0 ? (
        <EmptyState title="No emails yet">Ask for a sign-in link and it will appear here.</EmptyState>
      ) : (
        <ol className="space-y-4">
          {emails.map((email) => (
            <li key={email.id}>
              <Card>
                <p className="text-sm text-muted">
                  To {email.to} · {new Date(email.createdAt).toLocaleString()}
                </p>
                <h2 className="mt-1 font-semibold">{email.subject}</h2>
                <p className="mt-3 whitespace-pre-wrap break-words text-sm">
                  {email.text.split(linkPattern).map((part, index) =>
                    index % 2 === 1 ? (
                      <a key={index} href={part} className="text-accent underline">
                        {part}
                      </a>
                    ) : (
                      part
                    ),
                  )}
                </p>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
