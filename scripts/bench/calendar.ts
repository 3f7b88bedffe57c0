// `npm run bench:calendar`: issue 15's measure of the calendar import's core.
// Generates a two-year calendar of about 10,000 occurrences (200 recurring
// series with EXDATEs, moved and cancelled occurrences, in five zones, one of
// them a Windows name; the rest single meetings), then times reading (parse and
// expand), classifying and bucketing it into weeks, and prints the time and
// the process's peak memory. Exits non-zero when over 2 s or 300 MB.
// Time it on a quiet machine: other work on the two cores shows up in the figures.
import { register } from "node:module";

// Before any lib/ module loads: "server-only" resolves to an empty module here (see worker-hooks.mjs).
register("../worker-hooks.mjs", import.meta.url);

const { readCalendar } = await import("@/lib/calendar/read");
const { compileRules } = await import("@/lib/calendar/rules");
const { STARTER_RULES } = await import("@/lib/calendar/rules.validation");
const { bucketIntoWeeks, windowOfWeeks } = await import("@/lib/calendar/buckets");

const TARGETS = { seconds: 2, megabytes: 300 };
const SERIES = 200;
const SINGLES = 2_500;
const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "W. Europe Standard Time"];
const TITLES = ["Incident review", "Roadmap planning", "1:1 with Sam", "Team sync", "Hiring plan", "Customer escalation", "Design review", "Budget", "Strategy offsite prep"];

// A fixed seed: every run reads the same calendar.
let seed = 15;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const pad = (value: number) => String(value).padStart(2, "0");

function stamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}00`;
}

function people(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `ATTENDEE;CN=Person ${index};PARTSTAT=ACCEPTED:mailto:person${Math.floor(random() * 500)}@example${index % 3}.com`);
}

function generateCalendar(): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wheelhouse bench//EN"];
  const first = Date.UTC(2025, 0, 6, 0, 0);
  for (let index = 0; index < SERIES; index++) {
    const zone = pick(ZONES);
    const start = new Date(first + Math.floor(random() * 60) * 86_400_000 + (8 + Math.floor(random() * 9)) * 3_600_000);
    const end = new Date(start.getTime() + pick([30, 45, 60, 90]) * 60_000);
    const rule = pick(["FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=WEEKLY", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;INTERVAL=2"]);
    const uid = `bench-series-${index}`;
    const title = pick(TITLES);
    // Series run 8 to 30 weeks, as meetings do before they change.
    const until = stamp(new Date(start.getTime() + (8 + Math.floor(random() * 23)) * 7 * 86_400_000));
    const exdate = (weeks: number) => `EXDATE;TZID=${zone}:${stamp(new Date(start.getTime() + weeks * 7 * 86_400_000))}`;
    lines.push("BEGIN:VEVENT", `UID:${uid}`, `SUMMARY:${title}`, `DTSTART;TZID=${zone}:${stamp(start)}`, `DTEND;TZID=${zone}:${stamp(end)}`, `RRULE:${rule};UNTIL=${until}Z`, exdate(3), exdate(9), ...people(1 + Math.floor(random() * 7)), "END:VEVENT");
    // A moved and a cancelled occurrence.
    const moved = new Date(start.getTime() + 5 * 7 * 86_400_000);
    lines.push("BEGIN:VEVENT", `UID:${uid}`, `RECURRENCE-ID;TZID=${zone}:${stamp(moved)}`, `SUMMARY:${title} (moved)`, `DTSTART;TZID=${zone}:${stamp(new Date(moved.getTime() + 86_400_000))}`, `DTEND;TZID=${zone}:${stamp(new Date(moved.getTime() + 86_400_000 + 3_600_000))}`, "END:VEVENT");
    const cancelled = new Date(start.getTime() + 7 * 7 * 86_400_000);
    lines.push("BEGIN:VEVENT", `UID:${uid}`, `RECURRENCE-ID;TZID=${zone}:${stamp(cancelled)}`, "STATUS:CANCELLED", `SUMMARY:${title}`, `DTSTART;TZID=${zone}:${stamp(cancelled)}`, "END:VEVENT");
  }
  for (let index = 0; index < SINGLES; index++) {
    const start = new Date(first + Math.floor(random() * 720) * 86_400_000 + (7 + Math.floor(random() * 11)) * 3_600_000);
    const zone = pick(ZONES);
    lines.push("BEGIN:VEVENT", `UID:bench-single-${index}`, `SUMMARY:${pick(TITLES)}`, `DESCRIPTION:Agenda: ${pick(TITLES)} and follow-ups.`, `DTSTART;TZID=${zone}:${stamp(start)}`, `DTEND;TZID=${zone}:${stamp(new Date(start.getTime() + 3_600_000))}`, ...people(Math.floor(random() * 5)), "END:VEVENT");
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

const settings = { timeZone: "Europe/Berlin", weekStartsOn: 1 };
const text = generateCalendar();
const window = windowOfWeeks("2024-12-30", 105, settings);

function importOnce() {
  const started = performance.now();
  const reading = readCalendar(text, { timeZone: settings.timeZone, selfAddresses: ["me@example.com"], window });
  const read = performance.now();
  const classify = compileRules(STARTER_RULES);
  const spans = reading.occurrences.map((occurrence) => {
    const { category, rule } = classify(occurrence);
    return { key: occurrence.key, start: occurrence.start, end: occurrence.end, category, rank: rule ?? STARTER_RULES.rules.length };
  });
  const classified = performance.now();
  const weeks = bucketIntoWeeks(spans, settings);
  const bucketed = performance.now();
  return { occurrences: reading.occurrences.length, weeks: weeks.length, read: read - started, classify: classified - read, bucket: bucketed - classified, total: bucketed - started };
}

const ms = (value: number) => `${Math.round(value)} ms`;
console.log(`Calendar: ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB, ${SERIES} series with exceptions and ${SINGLES} single events, two years (${window.start.toISOString().slice(0, 10)} to ${window.end.toISOString().slice(0, 10)}).`);
// The first run is what a server's first import pays (code not yet optimised); the second, a warm one.
const runs = [importOnce(), importOnce()];
for (const [index, run] of runs.entries()) {
  console.log(`${index === 0 ? "First run" : "Second run"}: ${run.occurrences} occurrences in ${run.weeks} weeks; read (parse + expand) ${ms(run.read)}, classify ${ms(run.classify)}, bucket ${ms(run.bucket)}: ${ms(run.total)} in all.`);
}
const peakMegabytes = process.resourceUsage().maxRSS / 1024;
console.log(`Peak memory (resident, the whole process): ${Math.round(peakMegabytes)} MB.`);

const slowest = Math.max(...runs.map((run) => run.total)) / 1000;
const failures = [
  slowest > TARGETS.seconds && `took ${slowest.toFixed(2)} s, over the ${TARGETS.seconds} s target`,
  peakMegabytes > TARGETS.megabytes && `peaked at ${Math.round(peakMegabytes)} MB, over the ${TARGETS.megabytes} MB target`,
  runs[0]!.occurrences < 9_000 && `made only ${runs[0]!.occurrences} occurrences; the bench is meant for about 10,000`,
].filter(Boolean);
if (failures.length > 0) {
  console.error(`✗ The calendar import ${failures.join("; ")}.`);
  process.exit(1);
}
console.log(`✓ Within the targets (≤ ${TARGETS.seconds} s, ≤ ${TARGETS.megabytes} MB).`);
