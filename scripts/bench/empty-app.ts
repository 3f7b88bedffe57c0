// The yardstick for the JavaScript a page loads: an empty Next.js app (one
// page, one heading) built with the project's own `next`, served with
// `next start`. Built once per Next version under .data/ and kept.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir, projectRoot } from "../db/paths";
import { startApp, type StartedApp } from "../support/next-app";

const nextBin = join(projectRoot, "node_modules", ".bin", "next");

const FILES: Record<string, string> = {
  // Plain JavaScript, so the build checks no TypeScript setup; the project's node_modules are found upwards.
  "package.json": JSON.stringify({ private: true, type: "module" }),
  "next.config.mjs": "export default {};\n",
  // Server-only and empty: without it, Turbopack (whose root is the project's, for node_modules) takes up the
  // project's own instrumentation.ts, which needs the app's environment. No JavaScript reaches the browser.
  "instrumentation.js": "export function register() {}\n",
  "app/layout.js": `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.js": `export default function Page() {
  return <h1>Empty</h1>;
}
`,
};

function nextVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, "node_modules", "next", "package.json"), "utf8")) as { version: string }).version;
}

/** Builds the empty app unless this Next version's build is kept; returns its folder. */
export function buildEmptyApp(): { dir: string; version: string; built: boolean } {
  const version = nextVersion();
  const dir = join(dataDir, `bench-empty-next-${version}`);
  if (existsSync(join(dir, ".next", "BUILD_ID"))) return { dir, version, built: false };
  rmSync(dir, { recursive: true, force: true });
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const result = spawnSync(nextBin, ["build"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`next build of the empty app failed:\n${result.stdout}\n${result.stderr}`);
  return { dir, version, built: true };
}

/** `next start` of the empty app on `port`. */
export function startEmptyApp(dir: string, port: number): Promise<StartedApp> {
  return startApp({ ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, port, { cwd: dir, healthPath: "/" });
}
