import type { ReactNode } from "react";
import { Brand } from "@/components/app/brand";
import { PrintButton } from "@/components/story/print-button";
import { buttonClasses } from "@/components/ui/button";

/**
 * The frame of a shared story for a reader without an account: what it is,
 * whose it is and until when the link works, the download and print actions,
 * and the pack. No navigation: nothing here leads into the app.
 */
export function SharedStoryFrame({
  title,
  byline,
  markdownHref,
  children,
}: {
  title: string;
  byline: string;
  markdownHref: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-6 sm:px-8 sm:py-10 print:max-w-none print:p-0">
      <div className="print:hidden">
        <Brand href={null} />
      </div>
      <main id="main" className="mt-6 print:mt-0">
        <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
            <p className="mt-1 break-words text-muted">{byline}</p>
          </div>
          <div className="flex flex-wrap gap-2 print:hidden">
            <a href={markdownHref} download className={buttonClasses("secondary")}>
              Download as Markdown
            </a>
            <PrintButton />
          </div>
        </header>
        {children}
      </main>
    </div>
  );
}

/** What a reader sees when the link opens nothing: the same words for every reason, so a guess learns nothing. */
export function SharedStoryUnavailable({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-md flex-col px-5 py-8">
      <Brand href={null} />
      <main id="main" className="my-auto py-10">
        <div className="rounded-lg border border-border bg-surface p-6 sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          <div className="mt-4 text-muted">{children}</div>
        </div>
      </main>
    </div>
  );
}
