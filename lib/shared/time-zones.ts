// Time zone and week-start choices, shared by the settings form and its validation.
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/**
 * Old spellings of zones that IANA renamed, with their current names. ICU (and
 * so Intl, in Node and in browsers) still lists and resolves to the old ones,
 * from CLDR's stable identifiers: "Asia/Kolkata" resolves to "Asia/Calcutta".
 * Zones merged into another (Europe/Bratislava) keep their own, current, name.
 */
const RENAMED: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

// A place's zone, not Etc/GMT+5 (whose sign reads backwards) or EST.
const PLACE = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)?$/;

/**
 * The current IANA name of the zone a user typed or a browser reported, or
 * null when it is none. Accepts any case, spaces for underscores, old names
 * and other aliases ("US/Eastern" is America/New_York).
 */
export function canonicalTimeZone(input: string): string | null {
  const typed = input.trim().replaceAll(/\s+/g, "_");
  // Abbreviations mislead ("EST" is a zone without summer time): a place, or UTC.
  if (typed.length > 64 || !(typed.includes("/") || /^(UTC|GMT)$/i.test(typed))) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const current = RENAMED[resolved] ?? resolved;
  return current === "UTC" || PLACE.test(current) ? current : null;
}

/** The zones to choose from, by their current IANA names: UTC first, then alphabetical. */
export function listTimeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone").map((zone) => RENAMED[zone] ?? zone));
  zones.delete("UTC");
  return ["UTC", ...[...zones].sort()];
}

/** "GMT+5:30" for a zone now: a hint beside its name in the picker. */
export function currentOffsetOf(zone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(now);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? "";
}

export type TimeZoneOption = { value: string; label: string };

/** The id of the datalist of suggestions the time zone fields name in `list`. */
export const TIME_ZONE_OPTIONS_ID = "time-zone-options";

// Every zone's offset changes on a quarter hour of UTC (offsets and their
// changes are whole quarter hours), so the suggestions hold for the quarter
// hour they were made in: worked out once in it, not on every render of the
// settings page (one Intl formatter for each of ~420 zones).
const QUARTER_HOUR_MS = 15 * 60 * 1000;
let keptOptions: { quarterHour: number; options: TimeZoneOption[] } | null = null;

/** The picker's suggestions: each zone's name, readable, with its offset now. */
export function timeZoneOptions(now: Date = new Date()): TimeZoneOption[] {
  const quarterHour = Math.floor(now.getTime() / QUARTER_HOUR_MS);
  if (keptOptions?.quarterHour !== quarterHour) {
    keptOptions = {
      quarterHour,
      options: listTimeZones().map((zone) => ({ value: zone, label: `${zone.replaceAll("_", " ")} (${currentOffsetOf(zone, now)})` })),
    };
  }
  return keptOptions.options;
}
