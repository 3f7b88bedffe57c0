// Builds small ICS files for the import's integration and end-to-end tests,
// with times relative to the test's clock (the fixtures under
// tests/fixtures/calendar/ are fixed dates, for the parser's own tests).

export type IcsEvent = {
  uid: string;
  start: Date;
  end: Date;
  title: string;
  attendees?: string[];
  organizer?: string;
  rrule?: string;
  /** For an override of one occurrence of a series: that occurrence's original start. */
  recurrenceId?: Date;
  status?: "CONFIRMED" | "CANCELLED" | "TENTATIVE";
  sequence?: number;
};

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** An ICS calendar (UTC times, CRLF lines) holding the events. */
export function icsOf(events: readonly IcsEvent[]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wheelhouse tests//EN"];
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp(event.start)}`,
      `DTSTART:${stamp(event.start)}`,
      `DTEND:${stamp(event.end)}`,
      `SUMMARY:${event.title}`,
      `SEQUENCE:${event.sequence ?? 0}`,
    );
    if (event.rrule) lines.push(`RRULE:${event.rrule}`);
    if (event.recurrenceId) lines.push(`RECURRENCE-ID:${stamp(event.recurrenceId)}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    if (event.organizer) lines.push(`ORGANIZER:mailto:${event.organizer}`);
    for (const attendee of event.attendees ?? []) lines.push(`ATTENDEE;PARTSTAT=ACCEPTED:mailto:${attendee}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.join("\r\n")}\r\n`;
}

export const icsBytes = (events: readonly IcsEvent[]) => new TextEncoder().encode(icsOf(events));
