import "server-only";
import windowsZones from "cldr-core/supplemental/windowsZones.json";
import ICAL from "ical.js";

// Time zones of calendar events. An event's wall-clock time ("09:00 in
// Europe/Berlin") is kept as a number: the milliseconds of that date and time
// read as if it were UTC ("wall ms"), so recurrence steps never cross a DST
// change; each occurrence becomes an instant only at the end, in its own zone.

/** Turns a wall-clock time into an instant (both in milliseconds). */
export type EventZone = { readonly name: string; toInstant(wall: number): number };

const DAY = 86_400_000;

// One formatter per zone: building one costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

// An import converts tens of thousands of times, and asking Intl costs ~10 µs.
// So each zone's offset is looked up once per UTC day, when it is the same at
// the day's start and the next day's (no change that day); on the few days it
// changes, once per quarter hour (every zone changes its offset on a quarter hour).
const QUARTER_HOUR = 900_000;
const CHANGES = null;
const dailyOffsets = new Map<string, Map<number, number | typeof CHANGES>>();
const quarterOffsets = new Map<string, Map<number, number>>();

function offsetFromIntl(zone: string, instant: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!) - instant;
}

function cached<T>(caches: Map<string, Map<number, T>>, zone: string, key: number, compute: () => T): T {
  let ofZone = caches.get(zone);
  if (!ofZone) {
    ofZone = new Map();
    caches.set(zone, ofZone);
  }
  let value = ofZone.get(key);
  if (value === undefined) {
    if (ofZone.size > 100_000) ofZone.clear();
    value = compute();
    ofZone.set(key, value);
  }
  return value;
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetAt(zone: string, instant: number): number {
  const day = Math.floor(instant / DAY);
  const daily = cached(dailyOffsets, zone, day, () => {
    const start = offsetFromIntl(zone, day * DAY);
    return start === offsetFromIntl(zone, (day + 1) * DAY) ? start : CHANGES;
  });
  if (daily !== CHANGES) return daily;
  const quarter = Math.floor(instant / QUARTER_HOUR);
  return cached(quarterOffsets, zone, quarter, () => offsetFromIntl(zone, quarter * QUARTER_HOUR));
}

/**
 * The instant of a wall-clock time in an IANA zone, as RFC 5545 §3.3.5 reads
 * the times DST makes odd: one that does not exist (02:30 on the night clocks
 * go forward) takes the offset before the gap, so it is 03:30; one that
 * happens twice (02:30 on the night they go back) is the first of the two.
 */
export function instantInZone(zone: string, wall: number): number {
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  if (before === after) return wall - before;
  const first = wall - before;
  const second = wall - after;
  const firstHolds = offsetAt(zone, first) === before;
  const secondHolds = offsetAt(zone, second) === after;
  if (firstHolds && secondHolds) return Math.min(first, second);
  if (firstHolds) return first;
  if (secondHolds) return second;
  return first;
}

/** The wall-clock time of an instant in an IANA zone. */
export function wallInZone(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant);
}

const ianaZones = new Map<string, EventZone>();

function ianaZone(name: string): EventZone {
  let zone = ianaZones.get(name);
  if (!zone) {
    zone = { name, toInstant: (wall) => instantInZone(name, wall) };
    ianaZones.set(name, zone);
  }
  return zone;
}

export const UTC_ZONE: EventZone = { name: "UTC", toInstant: (wall) => wall };

/** An IANA zone Intl knows under this name (any case; old names and aliases too), or null. */
function knownIanaName(name: string): string | null {
  if (name.length > 100) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

// Windows' zone names, as Outlook and Exchange write them in TZID, mapped to
// IANA by CLDR's windowsZones table (the "001" row is each name's main zone).
// The table ships in the `cldr-core` package, updated with every CLDR release.
const WINDOWS_ZONES: ReadonlyMap<string, string> = new Map(
  windowsZones.supplemental.windowsZones.mapTimezones
    .map(({ mapZone }) => mapZone)
    .filter((zone) => zone._territory === "001")
    .map((zone) => [zone._other.toLowerCase(), zone._type] as const),
);

// Per TZID seen (a file names a handful, thousands of times): asking Intl whether a name is a zone costs a formatter.
const ianaNames = new Map<string, string | null>();

/**
 * The IANA zone a TZID names: an IANA name (with the prefixes some exporters
 * put before it, such as "/mozilla.org/20070129_1/Europe/Berlin"), or a
 * Windows name ("W. Europe Standard Time"). Null when it is neither.
 */
export function ianaNameOf(tzid: string): string | null {
  let iana = ianaNames.get(tzid);
  if (iana === undefined) {
    if (ianaNames.size > 1_000) ianaNames.clear();
    iana = lookUpIanaName(tzid);
    ianaNames.set(tzid, iana);
  }
  return iana;
}

function lookUpIanaName(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, "");
  const windows = WINDOWS_ZONES.get(name.toLowerCase());
  if (windows) return windows;
  const direct = knownIanaName(name);
  if (direct) return direct;
  // Prefixed names: try the last two, then three, parts ("Europe/Berlin", "America/Indiana/Knox").
  const parts = name.split("/").filter(Boolean);
  for (const length of [2, 3]) {
    if (parts.length > length) {
      const tail = knownIanaName(parts.slice(-length).join("/"));
      if (tail) return tail;
    }
  }
  return null;
}

/**
 * The zone an event's TZID names: IANA or Windows names first (their rules are
 * the current ones), else the file's own VTIMEZONE definition of it (custom
 * Outlook zones such as "Customized Time Zone"). Null when neither knows it.
 */
export function resolveZone(tzid: string, vtimezones: ReadonlyMap<string, ICAL.Component>): EventZone | null {
  const iana = ianaNameOf(tzid);
  if (iana) return iana === "UTC" || iana === "Etc/UTC" ? UTC_ZONE : ianaZone(iana);
  return definedZone(tzid, vtimezones);
}

function definedZone(tzid: string, vtimezones: ReadonlyMap<string, ICAL.Component>): EventZone | null {
  const definition = vtimezones.get(tzid);
  if (!definition) return null;
  const timezone = new ICAL.Timezone(definition);
  return {
    name: tzid,
    toInstant: (wall) => {
      const date = new Date(wall);
      const time = ICAL.Time.fromData({
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: date.getUTCHours(),
        minute: date.getUTCMinutes(),
        second: date.getUTCSeconds(),
        isDate: false,
      });
      return wall - timezone.utcOffset(time) * 1000;
    },
  };
}

/** The user's own zone, for floating times (no TZID, no "Z"). */
export function floatingZone(userTimeZone: string): EventZone {
  return ianaZone(userTimeZone);
}
