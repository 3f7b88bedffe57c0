import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatDateOnly } from "@/lib/shared/dates";
import type { VisionNoteSummary } from "@/lib/vision-notes";
import { HORIZONS, VISION_NOTE_STATUSES } from "@/lib/shared/vocabulary";

const chip = "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium";

/** Horizon, status, revisit date and tags of a note, in words (never colour alone). */
export function NoteMeta({ note, linkTags = false }: { note: Pick<VisionNoteSummary, "horizon" | "status" | "tags" | "revisitOn" | "dueForRevisit">; linkTags?: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className={cn(chip, "border-border-strong bg-surface-muted")}>
        <span className="sr-only">Horizon: </span>
        {HORIZONS[note.horizon]}
      </span>
      <span className={cn(chip, "border-border text-muted")}>
        <span className="sr-only">Status: </span>
        {VISION_NOTE_STATUSES[note.status]}
      </span>
      {note.dueForRevisit ? (
        <span className={cn(chip, "border-warning bg-warning-soft text-warning")}>
          Due for a revisit{note.revisitOn ? ` since ${formatDateOnly(note.revisitOn, { day: "numeric", month: "short", year: "numeric" })}` : ""}
        </span>
      ) : note.revisitOn ? (
        <span className="text-xs text-muted">Revisit on {formatDateOnly(note.revisitOn)}</span>
      ) : null}
      {note.tags.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
          {note.tags.map((tag) => (
            <li key={tag}>
              {linkTags ? (
                <Link href={`/notes?tag=${encodeURIComponent(tag)}`} className="text-xs text-accent underline-offset-2 hover:underline">
                  #{tag}
                </Link>
              ) : (
                <span className="text-xs text-muted">#{tag}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
