// The resilience run's simulated users and health probes. Each user reads
// pages, saves their own weeks and invites mentors through the balancer, as a
// browser without JavaScript would, and every answer is timed, classified and
// kept: a save or invitation is "acknowledged" only when the page says so, and
// every page is searched for marks of other users (a leak).
import type { DateOnly } from "../../lib/shared/dates";
import { SESSION_COOKIE } from "../../lib/config/session-cookies";
import { formBody, hiddenFields } from "./forms";
import type { SimulatedUser } from "./seed";

export const PHASES = ["steady", "smtp-failing", "db-down", "recovery", "drain"] as const;
export type Phase = (typeof PHASES)[number];

/** served: the answer the user wanted; clear-error: a fast, honest failure (503, the friendly error page, "nothing was saved"); unclear: anything else. */
export type Outcome = "served" | "clear-error" | "unclear";
/** `phase` is the one the request started in; `at` when it started. */
export type Sample = { kind: "page" | "save" | "invite" | "health"; phase: Phase; at: number; ms: number; outcome: Outcome; detail: string; instance: string | null };

/** acked: the app said it was saved or sent; refused: it said nothing was; unknown: no clear answer (it may or may not have happened). */
export type Acknowledgement = "acked" | "refused" | "unknown";
/** `at` when the post started, `answeredAt` when its answer (or failure) came; the instances (ports) that rendered the form and took the post. */
export type SaveAttempt = {
  user: number;
  week: DateOnly;
  mark: string;
  strategyMinutes: number;
  result: Acknowledgement;
  at: number;
  answeredAt: number;
  formFrom: string | null;
  postedTo: string | null;
};
export type InviteAttempt = { user: number; address: string; result: Acknowledgement; at: number; answeredAt: number };
export type Leak = { user: number; path: string; marks: number[] };

export type LoadOptions = {
  baseUrl: string;
  users: SimulatedUser[];
  /** The weeks each user may save (their own). */
  weeks: DateOnly[];
  thinkMs: [number, number];
  requestTimeoutMs: number;
  maxInvitesPerUser: number;
};

/** The header the balancer adds to say which instance answered. */
export const UPSTREAM_HEADER = "x-resilience-upstream";

const FRIENDLY_ERROR = "Something went wrong";
// A page that fails answers 500 with Next's error document; the browser renders app/error.tsx from it (browser.ts checks that).
const ERROR_DOCUMENT = '<html id="__next_error__">';
const NOTHING_SAVED = "nothing was saved";

export class LoadRun {
  phase: Phase = "steady";
  readonly samples: Sample[] = [];
  readonly saves: SaveAttempt[] = [];
  readonly invites: InviteAttempt[] = [];
  readonly leaks: Leak[] = [];
  conflicts = 0;
  private stopped = false;

  constructor(private readonly options: LoadOptions) {}

  /** Runs every user until stop(); resolves when the last one has finished its request. */
  runUsers(): Promise<void> {
    return Promise.all(this.options.users.map((user) => this.runUser(user))).then(() => undefined);
  }

  /** Probes GET /api/health on one instance directly (not through the balancer) every `everyMs` until `until()`. */
  async probeHealth(port: number, everyMs: number, until: () => boolean): Promise<void> {
    while (!until()) {
      const response = await this.request(`http://127.0.0.1:${port}/api/health`, {});
      const outcome: Outcome =
        response.status === 200 ? "served" : response.status === 503 && response.body.includes('"down"') ? "clear-error" : "unclear";
      this.record("health", response, outcome, String(port));
      await sleep(everyMs);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async runUser(user: SimulatedUser): Promise<void> {
    let saves = 0;
    let invites = 0;
    const [minThink, maxThink] = this.options.thinkMs;
    // Users start spread over one think time, not all at once.
    await sleep(Math.random() * maxThink);
    while (!this.stopped) {
      const roll = Math.random();
      const week = this.options.weeks[Math.floor(Math.random() * this.options.weeks.length)]!;
      if (roll < 0.4) await this.readPage(user, "/dashboard", ">Dashboard<");
      else if (roll < 0.55) await this.readPage(user, `/weeks/${week}`, 'aria-label="Week log"');
      else if (roll < 0.65) await this.readPage(user, "/mentors", 'aria-label="Invite a mentor"');
      else if (roll < 0.94 || invites >= this.options.maxInvitesPerUser) await this.saveWeek(user, week, ++saves);
      else await this.invite(user, ++invites);
      await sleep(minThink + Math.random() * (maxThink - minThink));
    }
  }

  /** GET a page; served when it is the user's own page with `marker`. Returns the answer when served. */
  private async readPage(user: SimulatedUser, path: string, marker: string): Promise<Answer | null> {
    const response = await this.request(`${this.options.baseUrl}${path}`, { headers: { cookie: cookieOf(user) } });
    const served = response.status === 200 && response.body.includes(marker) && isOwnShell(response.body, user);
    this.record("page", response, served ? "served" : failureOutcome(response), null);
    if (!served) return null;
    this.findLeaks(user, path, response.body);
    return response;
  }

  /** Opens the week, then posts its form with new values: what a user does to save. */
  private async saveWeek(user: SimulatedUser, week: DateOnly, seq: number): Promise<void> {
    const path = `/weeks/${week}`;
    const form = await this.readPage(user, path, 'aria-label="Week log"');
    const hidden = form ? hiddenFields(form.body, "Week log") : null;
    if (!form || !hidden) return;
    const mark = `mark:u${user.index}:${week}:s${seq}`;
    const strategyHours = 1 + (seq % 50);
    const attempt: SaveAttempt = { user: user.index, week, mark, strategyMinutes: strategyHours * 60, result: "unknown", at: Date.now(), answeredAt: Number.NaN, formFrom: form.upstream, postedTo: null };
    this.saves.push(attempt);
    const response = await this.post(user, path, formBody(hidden, { firefightingHours: "20", strategyHours: String(strategyHours), otherHours: "5", highlights: mark }));
    attempt.answeredAt = response.started + response.ms;
    attempt.postedTo = response.upstream;
    if (response.status === 200 && response.body.includes("Week saved.")) {
      attempt.result = "acked";
      this.record("save", response, "served", null);
    } else if (response.status === 200 && response.body.includes("was saved somewhere else")) {
      // The version check refused it: correct behaviour, and nothing was written.
      attempt.result = "refused";
      this.conflicts += 1;
      this.record("save", response, "served", null);
    } else {
      attempt.result = response.status === 200 && response.body.includes(NOTHING_SAVED) ? "refused" : "unknown";
      this.record("save", response, failureOutcome(response), null);
    }
    if (response.status === 200) this.findLeaks(user, path, response.body);
  }

  private async invite(user: SimulatedUser, n: number): Promise<void> {
    const form = await this.readPage(user, "/mentors", 'aria-label="Invite a mentor"');
    const hidden = form ? hiddenFields(form.body, "Invite a mentor") : null;
    if (!hidden) return;
    const address = `mentor-${user.index}-${n}@resilience.test`;
    const attempt: InviteAttempt = { user: user.index, address, result: "unknown", at: Date.now(), answeredAt: Number.NaN };
    this.invites.push(attempt);
    const response = await this.post(user, "/mentors", formBody(hidden, { email: address, message: "", shareReflections: "on" }));
    attempt.answeredAt = response.started + response.ms;
    if (response.status === 200 && response.body.includes(`Invitation sent to ${address}`)) {
      attempt.result = "acked";
      this.record("invite", response, "served", null);
    } else {
      attempt.result = response.status === 200 && response.body.includes(NOTHING_SAVED) ? "refused" : "unknown";
      this.record("invite", response, failureOutcome(response), null);
    }
    if (response.status === 200) this.findLeaks(user, "/mentors", response.body);
  }

  private post(user: SimulatedUser, path: string, body: FormData) {
    // A browser sends its page's origin with every form post; the apps check it against AUTH_URL.
    return this.request(`${this.options.baseUrl}${path}`, { method: "POST", headers: { cookie: cookieOf(user), origin: this.options.baseUrl }, body });
  }

  private async request(url: string, init: RequestInit): Promise<Answer> {
    const started = Date.now();
    const phase = this.phase;
    try {
      const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(this.options.requestTimeoutMs) });
      const body = await response.text();
      return { phase, started, ms: Date.now() - started, status: response.status, location: response.headers.get("location"), upstream: response.headers.get(UPSTREAM_HEADER), body, error: null };
    } catch (error) {
      const reason = error instanceof Error ? (error.name === "TimeoutError" ? "timeout" : (error.cause as Error | undefined)?.message ?? error.message) : String(error);
      return { phase, started, ms: Date.now() - started, status: 0, location: null, upstream: null, body: "", error: reason };
    }
  }

  private record(kind: Sample["kind"], answer: Answer, outcome: Outcome, instance: string | null): void {
    const detail = answer.error ?? `${answer.status}${answer.location ? ` → ${answer.location}` : ""}`;
    this.samples.push({ kind, phase: answer.phase, at: answer.started, ms: answer.ms, outcome, detail, instance: instance ?? answer.upstream });
  }

  private findLeaks(user: SimulatedUser, path: string, html: string): void {
    const others = [...marksIn(html)].filter((index) => index !== user.index);
    if (others.length > 0) this.leaks.push({ user: user.index, path, marks: others });
  }
}

type Answer = { phase: Phase; started: number; ms: number; status: number; location: string | null; upstream: string | null; body: string; error: string | null };

function failureOutcome(answer: Answer): Outcome {
  // The friendly page (app/error.tsx), or a form that says nothing was saved: fast and honest.
  if (answer.status === 500 && (answer.body.includes(ERROR_DOCUMENT) || answer.body.includes(FRIENDLY_ERROR))) return "clear-error";
  if (answer.status === 200 && answer.body.includes(NOTHING_SAVED)) return "clear-error";
  return "unclear";
}

const cookieOf = (user: SimulatedUser) => `${SESSION_COOKIE.plain}=${user.sessionToken}`;

/** The signed-in shell names its user: this page was rendered for `user`. */
function isOwnShell(html: string, user: SimulatedUser): boolean {
  return new RegExp(`${user.name}(?!\\d)`).test(html);
}

/** The user indices whose marks (names, addresses, saved text) appear in `html`. */
export function marksIn(text: string): Set<number> {
  const found = new Set<number>();
  for (const pattern of [/mark:u(\d+):/g, /mentor-(\d+)-\d+@resilience\.test/g, /leader-(\d+)@resilience\.test/g, /Leader (\d+)(?!\d)/g]) {
    for (const [, index] of text.matchAll(pattern)) found.add(Number(index));
  }
  return found;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
