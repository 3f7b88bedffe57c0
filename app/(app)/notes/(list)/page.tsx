import type { Metadata } from "next";
import { NoteFilters, hasActiveFilters } from "@/components/notes/note-filters";
import { NoteGroup } from "@/components/notes/note-list";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatDateOnly } from "@/lib/shared/dates";
import { requireViewer } from "@/lib/server/viewer";
import { listVisionNotes, listVisionNoteTags } from "@/lib/vision-notes";
import { pageHref } from "@/lib/shared/pagination";
import { visionNoteListQuerySchema } from "@/lib/vision-notes.validation";

export const metadata: Metadata = { title: "Vision notes" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VisionNotesPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const { page, ...filters } = visionNoteListQuerySchema.parse(await searchParams);
  const [list, tags] = await Promise.all([listVisionNotes(viewer, filters, { page }), listVisionNoteTags(viewer)]);
  const filtered = hasActiveFilters(filters);
  const count = list.dueTotal + list.restTotal;
  const firstNote = count === 0 && !filtered;
  const write = <LinkButton href="/notes/new">Write a vision note</LinkButton>;

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Vision notes"
        description="Your bets on where the company and its technology are heading, and when to look at them again."
        // With no notes to show, the empty state below carries the action instead.
        action={count > 0 ? write : undefined}
      />
      {firstNote ? (
        <EmptyState title="Write down where you think things are heading" action={write}>
          <p>
            A vision note is a bet or an anticipation: a challenge or an opportunity this quarter, in one, three or five years. Give it a
            date to revisit, and it will come back to you here.
          </p>
        </EmptyState>
      ) : (
        <>
          <NoteFilters filters={filters} tags={tags} />
          {filtered ? (
            <p className="mb-4 text-sm text-muted" role="status">
              {count === 0 ? "No vision notes match." : `${count} ${count === 1 ? "vision note matches" : "vision notes match"}${filters.q ? `, best match first` : ""}.`}
            </p>
          ) : null}
          {count === 0 ? (
            <EmptyState title="No vision notes match" action={write}>
              <p>Try other words or fewer filters, or write the note you were looking for.</p>
            </EmptyState>
          ) : (
            <>
              <NoteGroup
                id="due-title"
                title="Due for a revisit"
                description={`The revisit date is today (${formatDateOnly(list.today)}, ${list.timeZone.replaceAll("_", " ")}) or earlier. Read them again and mark them revisited.`}
                notes={list.due}
                total={list.dueTotal}
              />
              <NoteGroup
                id="notes-title"
                title={list.dueTotal > 0 ? "Other notes" : filtered ? "Matching notes" : "All notes"}
                notes={list.rest}
                total={list.restTotal}
              />
              <Pagination
                label="Pages of vision notes"
                page={list.page}
                pages={list.pages}
                href={(target) => pageHref("/notes", target, filters)}
                previousLabel="Previous notes"
                nextLabel="More notes"
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
