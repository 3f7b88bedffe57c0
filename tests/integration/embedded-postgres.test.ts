// The zero-config start (`npm run dev` without DATABASE_URL) as a new user
// tries it: as root from a private folder, and beside another checkout's
// embedded server. Real servers, real processes; nothing mocked.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { projectRoot } from "../../scripts/db/paths";
import { EmbeddedPostgresUnavailable, firstBlockingFolder, postgresAccount } from "../../scripts/db/postgres-reach";
import { freePort } from "../../scripts/support/next-app";

const asRoot = process.getuid?.() === 0;

async function answers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
    return rows[0]!.one;
  } finally {
    await client.end();
  }
}

/** A folder only root may enter (mode 0700), like root's home in most containers. */
async function privateFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "wheelhouse-private-"));
  await chmod(folder, 0o700);
  return folder;
}

/** A shared folder of this run's own, so nothing is left in /var/tmp/wheelhouse. */
async function withSharedRoot<T>(root: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.EMBEDDED_POSTGRES_SHARED_DIR;
  process.env.EMBEDDED_POSTGRES_SHARED_DIR = root;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.EMBEDDED_POSTGRES_SHARED_DIR;
    else process.env.EMBEDDED_POSTGRES_SHARED_DIR = before;
  }
}

describe.skipIf(!asRoot)("embedded PostgreSQL as root", () => {
  const shared = `/var/tmp/wheelhouse-test-${process.pid}`;
  let folder: string;

  beforeAll(async () => {
    folder = await privateFolder();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await rm(shared, { recursive: true, force: true });
  });

  it("keeps a cluster asked for inside a private folder where the postgres user can reach it", async () => {
    await withSharedRoot(shared, async () => {
      const server = await startEmbeddedPostgres({ dataDir: join(folder, ".data", "postgres"), port: 0 });
      try {
        expect(server.dataDir.startsWith(`${shared}/clusters/`)).toBe(true);
        expect(await answers(server.connectionString("postgres"))).toBe(1);
      } finally {
        await server.destroy();
      }
    });
  });

  it("stops with one paragraph naming the folder, the cause and both ways out when no folder is reachable", async () => {
    const unreachable = join(folder, "shared");
    const failure = await withSharedRoot(unreachable, () =>
      startEmbeddedPostgres({ dataDir: join(folder, ".data", "postgres"), port: 0 }).then(
        () => null,
        (error: unknown) => error,
      ),
    );
    expect(failure).toBeInstanceOf(EmbeddedPostgresUnavailable);
    const message = (failure as Error).message;
    expect(message).toContain(join(folder, ".data", "postgres"));
    // The binaries are looked at first: a checkout inside a private folder of its own (a clone in root's home)
    // is named before the data's.
    const blocking = (await firstBlockingFolder(join(projectRoot, "node_modules"), postgresAccount())) ?? folder;
    expect(message).toContain(`enter ${blocking} (mode 0700`);
    expect(message).toMatch(/normal \(non-root\) user/);
    expect(message).toMatch(/set DATABASE_URL/);
  });
});

describe.skipIf(!asRoot)("npm run dev as root from a private clone", () => {
  const shared = `/var/tmp/wheelhouse-dev-test-${process.pid}`;
  let clone: string;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    // The project as `git clone` would lay it out, in a folder mode 0700, with
    // its node_modules hard-linked (an install of its own would take minutes).
    clone = join(await privateFolder(), "wheelhouse");
    await mkdir(clone);
    const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: projectRoot, encoding: "utf8" }).split("\0").filter(Boolean);
    const archive = execFileSync("tar", ["-c", "--null", "-T", "-"], { cwd: projectRoot, input: tracked.join("\0"), maxBuffer: 1 << 30 });
    execFileSync("tar", ["-x", "-C", clone], { input: archive });
    execFileSync("cp", ["-al", join(projectRoot, "node_modules"), join(clone, "node_modules")]);
    execFileSync("cp", ["-a", join(projectRoot, "lib", "generated"), join(clone, "lib", "generated")]);
  }, 120_000);
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    await rm(join(clone, ".."), { recursive: true, force: true });
    await rm(shared, { recursive: true, force: true });
  });

  /** Runs `npm run dev` in the clone until `done` says its output is enough, or it exits. */
  function dev(sharedRoot: string, done: (output: string) => boolean): Promise<{ output: string; code: number | null }> {
    return freePort().then(
      (port) =>
        new Promise((resolve) => {
          const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_POSTGRES_SHARED_DIR: sharedRoot, NEXT_TELEMETRY_DISABLED: "1" };
          delete env.DATABASE_URL;
          delete env.AUTH_SECRET;
          const child = spawn(join(clone, "node_modules", ".bin", "tsx"), ["scripts/dev.ts", "-p", String(port)], {
            cwd: clone,
            env,
            detached: true,
            stdio: ["ignore", "pipe", "pipe"],
          });
          running.push(child);
          let output = "";
          const collect = (chunk: Buffer) => {
            output += chunk.toString();
            if (done(output)) {
              child.once("exit", (code) => resolve({ output, code }));
              process.kill(-child.pid!, "SIGINT");
            }
          };
          child.stdout!.on("data", collect);
          child.stderr!.on("data", collect);
          child.once("exit", (code) => resolve({ output, code }));
        }),
    );
  }

  it("starts the app with the embedded database, with no stack trace", async () => {
    const { output } = await dev(shared, (text) => /Ready in/.test(text));
    expect(output).toMatch(/Database: embedded PostgreSQL at 127\.0\.0\.1:\d+\/wheelhouse \(data in \/var\/tmp\/wheelhouse-dev-test-/);
    expect(output).toMatch(/Applied migrations: /);
    expect(output).not.toMatch(/EACCES|^\s+at /m);
  }, 120_000);

  it("says in one paragraph what to do where the postgres user can reach nothing, and exits 1", async () => {
    const { output, code } = await dev(join(clone, ".data", "shared"), () => false);
    expect(code).toBe(1);
    expect(output).toContain("The embedded PostgreSQL cannot start for");
    expect(output).toMatch(/run `npm run dev` as a normal \(non-root\) user, or set DATABASE_URL/);
    expect(output).not.toMatch(/EACCES|^\s+at /m);
  }, 120_000);
});

describe("embedded PostgreSQL beside another checkout's", () => {
  const shared = `/var/tmp/wheelhouse-ports-test-${process.pid}`;
  let folder: string;
  let sharedBefore: string | undefined;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "wheelhouse-ports-"));
    sharedBefore = process.env.EMBEDDED_POSTGRES_SHARED_DIR;
    process.env.EMBEDDED_POSTGRES_SHARED_DIR = shared;
  });
  afterAll(async () => {
    if (sharedBefore === undefined) delete process.env.EMBEDDED_POSTGRES_SHARED_DIR;
    else process.env.EMBEDDED_POSTGRES_SHARED_DIR = sharedBefore;
    await rm(folder, { recursive: true, force: true });
    await rm(shared, { recursive: true, force: true });
  });

  it("takes another port when the one it wants is taken", async () => {
    const first = await startEmbeddedPostgres({ dataDir: join(folder, "first"), port: 0 });
    try {
      const second = await startEmbeddedPostgres({ dataDir: join(folder, "second"), port: first.port });
      try {
        expect(second.port).not.toBe(first.port);
        expect(await answers(first.connectionString("postgres"))).toBe(1);
        expect(await answers(second.connectionString("postgres"))).toBe(1);
      } finally {
        await second.destroy();
      }
    } finally {
      await first.destroy();
    }
  }, 60_000);

  it("takes another port when another server holds the port's socket lock (it started between the check and the start)", async () => {
    const port = await freePort();
    // What a running server on that port leaves: a lock file naming a live
    // process that is not this server's parent (PID 1 always lives).
    const lock = `/tmp/.s.PGSQL.${port}.lock`;
    await writeFile(lock, `1\n${folder}\n`);
    try {
      const server = await startEmbeddedPostgres({ dataDir: join(folder, "locked"), port });
      try {
        expect(server.port).not.toBe(port);
        expect(await answers(server.connectionString("postgres"))).toBe(1);
      } finally {
        await server.destroy();
      }
    } finally {
      await rm(lock, { force: true });
    }
  }, 60_000);
});
