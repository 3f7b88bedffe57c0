// What global setup hands to the test workers. Playwright starts the workers
// after global setup and passes its process.env on to them.
const BASE_URL = "WHEELHOUSE_E2E_BASE_URL";
const DATABASE_URL = "WHEELHOUSE_E2E_DATABASE_URL";
const MAIL_DIR = "WHEELHOUSE_E2E_MAIL_DIR";

export type RunState = { baseUrl: string; databaseUrl: string; mailDir: string };

export function publishRunState(state: RunState): void {
  process.env[BASE_URL] = state.baseUrl;
  process.env[DATABASE_URL] = state.databaseUrl;
  process.env[MAIL_DIR] = state.mailDir;
}

export function runState(): RunState {
  const baseUrl = process.env[BASE_URL];
  const databaseUrl = process.env[DATABASE_URL];
  const mailDir = process.env[MAIL_DIR];
  if (!baseUrl || !databaseUrl || !mailDir) {
    throw new Error("The end-to-end run state is missing: run the specs with `npm run test:e2e`, whose global setup starts the app.");
  }
  return { baseUrl, databaseUrl, mailDir };
}

/** The base URL for playwright.config.ts, which is also read before global setup runs. */
export function baseUrlIfStarted(): string | undefined {
  return process.env[BASE_URL];
}
