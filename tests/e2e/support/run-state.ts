// What global setup hands to the test workers. Playwright starts the workers
// after global setup and passes its process.env on to them.
const BASE_URL = "WHEELHOUSE_E2E_BASE_URL";
const DATABASE_URL = "WHEELHOUSE_E2E_DATABASE_URL";
const MAIL_DIR = "WHEELHOUSE_E2E_MAIL_DIR";
const FEED_DIR = "WHEELHOUSE_E2E_FEED_DIR";
const FEED_BASE_URL = "WHEELHOUSE_E2E_FEED_BASE_URL";

/** feedDir holds what the calendar feed server (feed-server.ts) answers; feedBaseUrl is where it listens. */
export type RunState = { baseUrl: string; databaseUrl: string; mailDir: string; feedDir: string; feedBaseUrl: string };

export function publishRunState(state: RunState): void {
  process.env[BASE_URL] = state.baseUrl;
  process.env[DATABASE_URL] = state.databaseUrl;
  process.env[MAIL_DIR] = state.mailDir;
  process.env[FEED_DIR] = state.feedDir;
  process.env[FEED_BASE_URL] = state.feedBaseUrl;
}

export function runState(): RunState {
  const baseUrl = process.env[BASE_URL];
  const databaseUrl = process.env[DATABASE_URL];
  const mailDir = process.env[MAIL_DIR];
  const feedDir = process.env[FEED_DIR];
  const feedBaseUrl = process.env[FEED_BASE_URL];
  if (!baseUrl || !databaseUrl || !mailDir || !feedDir || !feedBaseUrl) {
    throw new Error("The end-to-end run state is missing: run the specs with `npm run test:e2e`, whose global setup starts the app.");
  }
  return { baseUrl, databaseUrl, mailDir, feedDir, feedBaseUrl };
}

/** The base URL for playwright.config.ts, which is also read before global setup runs. */
export function baseUrlIfStarted(): string | undefined {
  return process.env[BASE_URL];
}
