import { cn } from "@/components/ui/cn";
import { DeleteWithUndo } from "@/components/ui/delete-with-undo";
import type { ButtonResult } from "@/lib/server/button-actions";
import type { ShareLinkState, ShareLinkView } from "@/lib/story/share-links";
import { zonedDateTimeFormat } from "@/lib/shared/dates";
import type { ReactNode } from "react";

export type ShareLinkActions = {
  revoke: (id: string) => Promise<ButtonResult>;
  restore: (id: string) => Promise<ButtonResult>;
};

const STATE_LABELS: Record<ShareLinkState, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

const STATE_TONES: Record<ShareLinkState, string> = {
  active: "border-success text-success",
  expired: "border-border text-muted",
  revoked: "border-border text-muted",
};

function dateTime(date: Date, timeZone: string): string {
  return zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

function day(date: Date, timeZone: string): string {
  return zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", year: "numeric" }).format(date);
}

function opened(link: ShareLinkView, timeZone: string): string {
  if (link.viewCount === 0 || !link.lastViewedAt) return "Not opened yet";
  return `Opened ${link.viewCount === 1 ? "once" : `${link.viewCount} times`}, last on ${dateTime(link.lastViewedAt, timeZone)}`;
}

function validity(link: ShareLinkView, timeZone: string): string {
  if (link.state === "revoked" && link.revokedAt) return `Revoked ${day(link.revokedAt, timeZone)}`;
  return `${link.state === "expired" ? "Expired" : "Works until"} ${day(link.expiresAt, timeZone)}`;
}

/**
 * The leader's read-only links to this quarter's pack, for people without an
 * account: make one (`newLink`, the form or what opens it), see how often
 * and when each was opened, revoke it (with a moment to undo). A link is
 * shown only when it is made.
 */
export function ShareLinksPanel({
  quarterName,
  links,
  timeZone,
  actions,
  newLink,
}: {
  quarterName: string;
  links: ShareLinkView[];
  timeZone: string;
  actions: ShareLinkActions;
  newLink: ReactNode;
}) {
  return (
    <section aria-labelledby="shared-links-heading" className="rounded-lg border border-border bg-surface p-5 sm:p-6 print:hidden">
      <h2 id="shared-links-heading" className="text-lg font-semibold">
        Shared links
      </h2>
      <p className="mt-1 text-sm text-muted">
        A read-only link to your {quarterName} story for someone without an account, such as your CEO. It shows this quarter&apos;s pack and nothing
        else, and stops working when it expires or when you revoke it.
      </p>
      <div className="mt-4">{newLink}</div>
      {links.length > 0 ? (
        <ul className="mt-5 divide-y divide-border rounded-md border border-border" aria-label={`Links to your ${quarterName} story`}>
          {links.map((link) => {
            const name = link.label ?? `Link made ${day(link.createdAt, timeZone)}`;
            return (
              <li key={link.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" aria-label={name}>
                <div className="min-w-0">
                  <p className="font-medium break-words">{name}</p>
                  <p className="mt-0.5 text-sm text-muted">
                    {validity(link, timeZone)} · <span className="tabular">{opened(link, timeZone)}</span>
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <span className={cn("inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium", STATE_TONES[link.state])}>
                    {STATE_LABELS[link.state]}
                  </span>
                  {link.state === "active" ? (
                    <DeleteWithUndo
                      onDelete={actions.revoke.bind(null, link.id)}
                      onUndo={actions.restore.bind(null, link.id)}
                      deletedMessage="Link revoked. It no longer opens anything."
                      label="Revoke"
                      pendingLabel="Revoking…"
                      what={`the link ${link.label ? `for ${link.label}` : `made ${day(link.createdAt, timeZone)}`}`}
                      variant="ghost"
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
