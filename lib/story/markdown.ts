import "server-only";
import { hours, percent } from "@/lib/dashboard/figures";
import { formatDateOnly, type DateOnly } from "@/lib/shared/dates";
import { HABITS } from "@/lib/shared/reflection-questions";
import { DEPARTMENTS, VISION_NOTE_STATUSES } from "@/lib/shared/vocabulary";
import type { StoryNote, StoryPack } from "@/lib/story/pack";

// A quarter's pack as Markdown, for pasting into an email or a document: the
// headline, the narrative, the figures, relationships, vision and the
// self-assessment. Text only and never rendered here: served as an attachment
// (text/markdown, nosniff), so a script in it stays words.

const day = (value: DateOnly) => formatDateOnly(value, { day: "numeric", month: "short", year: "numeric" });

/** A value on one line: the leader's line breaks would end a list item or a table row. */
function inline(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A value in a table cell: on one line, and its pipes kept from ending the cell. */
function cell(text: string): string {
  return inline(text).replaceAll("|", "\\|");
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

function noteLines(notes: StoryNote[], empty: string): string[] {
  if (notes.length === 0) return [empty];
  return notes.map((note) => `- ${inline(note.title)} (${VISION_NOTE_STATUSES[note.status]}), ${day(note.on)}`);
}

function headline(pack: StoryPack): string[] {
  const { share, previousShare, goal, loggedWeeks, totalWeeks, findingForOthers } = pack.headline;
  return [
    // A file to paste into an email or a document: read by others, even when its owner downloads it.
    findingForOthers,
    "",
    `- Strategy share: ${percent(share)} (previous quarter ${percent(previousShare)}${goal === null ? "" : `, goal ${percent(goal)}`})`,
    `- Weeks logged: ${loggedWeeks} of ${totalWeeks}`,
  ];
}

function timeSplit(pack: StoryPack): string[] {
  const rows = pack.dashboard.time.points.map((point) =>
    point.logged
      ? [point.bucket.longLabel, hours(point.firefighting), hours(point.strategy), hours(point.other), percent(point.share)]
      : [point.bucket.longLabel, "not logged", "", "", ""],
  );
  return ["## Time split per week", "", ...table(["Week", "Firefighting", "Strategy", "Other", "Strategy share"], rows)];
}

function relationships(pack: StoryPack): string[] {
  const found = pack.relationships;
  if (!found) return [];
  const covered = found.covered.map((row) => `${row.label} (${row.count})`).join(", ");
  const notable = found.notable.map((touchpoint) => {
    const who = touchpoint.stakeholder ? `${inline(touchpoint.stakeholder)}, ${DEPARTMENTS[touchpoint.department]}` : DEPARTMENTS[touchpoint.department];
    const value = touchpoint.outcome ? `: ${inline(touchpoint.outcome)}` : "";
    return `- ${day(touchpoint.occurredOn)}, ${who}: ${inline(touchpoint.topic)}${value}`;
  });
  return [
    "## Relationships",
    "",
    `- Departments met: ${covered || "none yet"}`,
    `- Not met: ${found.notCovered.map((row) => row.label).join(", ") || "none"}`,
    "",
    "### Notable touchpoints",
    "",
    ...(notable.length > 0 ? notable : ["None marked notable."]),
  ];
}

function vision(pack: StoryPack): string[] {
  const notes = pack.vision;
  if (!notes) return [];
  return [
    "## Vision",
    "",
    "### Written",
    "",
    ...noteLines(notes.written, "None written."),
    "",
    "### Revisited",
    "",
    ...noteLines(notes.revisited, "None revisited."),
    "",
    "### Changed status",
    "",
    ...noteLines(notes.statusChanged, "None changed status."),
  ];
}

function assessment(pack: StoryPack): string[] {
  const { self, previousSelf } = pack.assessment;
  const rows = HABITS.map((habit) => {
    const now = self[habit.key];
    const before = previousSelf[habit.key];
    return [habit.shortName, now ? `${now.rating} of 5` : "not rated", before ? `${before.rating} of 5` : "not rated", now?.evidence ? cell(now.evidence) : ""];
  });
  return ["## Self-assessment", "", ...table(["Habit", "This quarter", "Last quarter", "Evidence"], rows)];
}

/** The pack as one Markdown document. */
export function storyMarkdown(pack: StoryPack): string {
  const sections = [
    [`# ${pack.name} story (${pack.months})`, "", ...(pack.inProgress ? ["_The quarter is still running: these are its figures so far._", ""] : []), ...headline(pack)],
    pack.narrative ? [pack.narrative.body.trim()] : [],
    timeSplit(pack),
    relationships(pack),
    vision(pack),
    assessment(pack),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join("\n"))
    .join("\n\n")}\n`;
}

/** The download's file name: "wheelhouse-story-2026-Q4.md". */
export function storyMarkdownFileName(pack: Pick<StoryPack, "quarter">): string {
  return `wheelhouse-story-${pack.quarter}.md`;
}

/** A Markdown download's response: an attachment that is never rendered or sniffed as a page. */
export function storyMarkdownResponse(pack: StoryPack): Response {
  return new Response(storyMarkdown(pack), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${storyMarkdownFileName(pack)}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
