// Which dates a range covers (its window) and the buckets it is drawn in:
// one bar or column per week or month. Pure: the clock is passed in.
import "server-only";
import { addDaysTo, fromDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { weekStartOf, type WeekSettings } from "@/lib/shared/week-dates";
import { currentQuarter, quarterWeeks, type QuarterKey } from "@/lib/shared/quarters";
import type { RangeKey } from "@/lib/dashboard/view";

// ── Windows ──────────────────────────────────────────────────────────────────

/** Short ranges are drawn week by week; long ones month by month so a chart stays readable. */
export type Granularity = "week" | "month";

export type DashboardWindow = {
  range: RangeKey;
  granularity: Granularity;
  timeZone: string;
  weekStartsOn: number;
  /** Today in the user's zone. */
  today: DateOnly;
  currentWeekStart: DateOnly;
  monthStart: DateOnly;
  /** First day the range covers; null for all time. Dated events run up to `today`. */
  from: DateOnly | null;
};

export function dashboardWindow(range: RangeKey, settings: WeekSettings, now: Date): DashboardWindow {
  return windowOn(range, settings, todayIn(settings.timeZone, now));
}

/**
 * The window of one quarter (lib/shared/quarters.ts), drawn week by week: the
 * running quarter is the dashboard's "This quarter" itself; an earlier one is
 * that range as it stood on the last day of its last week, so that every day
 * counts in the quarter its week started in.
 */
export function quarterWindow(quarter: QuarterKey, settings: WeekSettings, now: Date): DashboardWindow {
  if (quarter === currentQuarter(settings, now)) return dashboardWindow("quarter", settings, now);
  return windowOn("quarter", settings, quarterWeeks(quarter, settings.weekStartsOn).lastDay);
}

function windowOn(range: RangeKey, settings: WeekSettings, today: DateOnly): DashboardWindow {
  const currentWeekStart = weekStartOf(today, settings.weekStartsOn);
  const monthStart = monthOf(today);
  const base = { range, timeZone: settings.timeZone, weekStartsOn: settings.weekStartsOn, today, currentWeekStart, monthStart };
  switch (range) {
    case "12w":
      return { ...base, granularity: "week", from: addDaysTo(currentWeekStart, -7 * 11) };
    case "quarter": {
      // A quarter holds the weeks whose first day is in it, as a month does (see bucketOf): the
      // quarter of the current week, from its first week that starts in it.
      const month = Number(currentWeekStart.slice(5, 7));
      const quarterStart = `${currentWeekStart.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, "0")}-01`;
      return { ...base, granularity: "week", from: weekStartOf(addDaysTo(quarterStart, 6), settings.weekStartsOn) };
    }
    case "12m":
      return { ...base, granularity: "month", from: addMonths(monthStart, -11) };
    case "all":
      return { ...base, granularity: "month", from: null };
  }
}

// ── Buckets (one bar or column each) ─────────────────────────────────────────

export type Bucket = {
  /** First day: a week start, or the 1st of a month. */
  key: DateOnly;
  /** "23 Nov" or "Nov 26": fits under a bar. */
  label: string;
  /** "Week of 23 Nov 2026" or "November 2026": for tables and screen readers. */
  longLabel: string;
  /** The bucket still running (this week or this month): its figures are so far. */
  inProgress: boolean;
};

function monthOf(day: DateOnly): DateOnly {
  return `${day.slice(0, 7)}-01`;
}

function addMonths(month: DateOnly, count: number): DateOnly {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The bucket a day falls in. A week belongs to the month its first day is in. */
export function bucketOf(day: DateOnly, window: Pick<DashboardWindow, "granularity" | "weekStartsOn">): DateOnly {
  return window.granularity === "week" ? weekStartOf(day, window.weekStartsOn) : monthOf(day);
}

// Built once: creating an Intl.DateTimeFormat costs far more than formatting
// with one, and "all time" labels sixty buckets on every render.
const labelFormats = {
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }),
  dayAndYear: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" }),
  monthLong: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};

// A bucket's labels depend on its key and granularity alone, and formatting
// is the costly part of a bucket: memoised, a few thousand entries at most.
const labelCache = new Map<string, Pick<Bucket, "label" | "longLabel">>();

function labelsOf(key: DateOnly, granularity: Granularity): Pick<Bucket, "label" | "longLabel"> {
  const cacheKey = `${granularity}${key}`;
  let labels = labelCache.get(cacheKey);
  if (!labels) {
    const day = fromDateOnly(key);
    labels =
      granularity === "week"
        ? { label: labelFormats.day.format(day), longLabel: `Week of ${labelFormats.dayAndYear.format(day)}` }
        : { label: labelFormats.month.format(day), longLabel: labelFormats.monthLong.format(day) };
    labelCache.set(cacheKey, labels);
  }
  return labels;
}

/**
 * Every bucket of the range, oldest first, including the ones with no data:
 * the charts draw those as gaps. "All time" starts at the oldest data. The
 * last bucket is the one still running: by default the one holding today.
 */
export function bucketsFor(window: DashboardWindow, dataKeys: Iterable<DateOnly>, last: DateOnly = bucketOf(window.today, window)): Bucket[] {
  let first = window.from === null ? last : bucketOf(window.from, window);
  if (window.from === null) for (const key of dataKeys) if (key < first) first = key;
  const buckets: Bucket[] = [];
  for (let key = first; key <= last; key = window.granularity === "week" ? addDaysTo(key, 7) : addMonths(key, 1)) {
    buckets.push({ key, ...labelsOf(key, window.granularity), inProgress: key === last });
  }
  return buckets;
}

/**
 * The buckets logged weeks are counted in. A week counts in the month its
 * first day is in, so the month still running for weeks is the one holding
 * the current week: on Friday 4 December, with the week begun on Monday
 * 30 November, that is November (so far), and December holds no week yet.
 */
export function weekBucketsFor(window: DashboardWindow, dataKeys: Iterable<DateOnly>): Bucket[] {
  return bucketsFor(window, dataKeys, bucketOf(window.currentWeekStart, window));
}
