import { RowActionButton } from "@/components/mentors/row-action-button";
import { LinkButton } from "@/components/ui/button";
import type { CalendarImportSummary } from "@/lib/calendar/imports";
import type { ButtonResult } from "@/lib/server/button-actions";
import { zonedDateTimeFormat } from "@/lib/shared/dates";

type Props = {
  imports: CalendarImportSummary[];
  timeZone: string;
  /** Server action that undoes one import, bound to its id here. */
  undo: (id: string) => Promise<ButtonResult>;
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What a confirmed import changed, in words. */
export function importedSummary(item: CalendarImportSummary): string {
  return `${plural(item.weeks, "week", "weeks")} written, ${plural(item.touchpoints, "touchpoint", "touchpoints")} added or updated`;
}

/** The imports confirmed or undone, newest first; a confirmed one can be undone as a whole. */
export function ImportList({ imports, timeZone, undo }: Props) {
  const when = zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <ul className="divide-y divide-border">
      {imports.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0">
            <p className="font-medium break-words">{item.fileName}</p>
            <p className="text-sm text-muted">
              {item.status === "UNDONE" && item.undoneAt
                ? `Undone ${when.format(item.undoneAt)}`
                : item.confirmedAt
                  ? `Imported ${when.format(item.confirmedAt)}: ${importedSummary(item)}`
                  : `Read ${when.format(item.createdAt)}, not confirmed yet`}
            </p>
          </div>
          {item.status === "CONFIRMED" ? (
            <RowActionButton
              action={undo.bind(null, item.id)}
              label="Undo"
              what={`the import of ${item.fileName}`}
              pendingLabel="Undoing…"
              confirm="Undo this import? Its touchpoints go, and the weeks it wrote get their hours from before it back."
            />
          ) : item.status === "PENDING" ? (
            <LinkButton href={`/calendar/imports/${item.id}`} variant="secondary">
              Review<span className="sr-only"> the import of {item.fileName}</span>
            </LinkButton>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
