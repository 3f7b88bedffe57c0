import "server-only";
import pino from "pino";
import { env } from "@/lib/config/env";

/**
 * Keys whose values never reach the log, wherever they appear (top level or one
 * level down, e.g. `{ req: { cookie } }`): secrets, and what the user wrote.
 */
const REDACTED_KEYS = ["token", "sessionToken", "cookie", "authorization", "password", "secret", "body", "email", "url"] as const;

const redactPaths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

/**
 * Prisma's validation errors quote the call's arguments (a note's body, say)
 * in their message; keep only the line naming the call and the reason.
 */
function serializeError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error);
  // Driver errors carry their connection (`client`): noise at best, settings at worst.
  delete serialized.client;
  if (typeof serialized?.type === "string" && /^PrismaClient(Validation|Unknown)/.test(serialized.type)) {
    const lines = serialized.message.split("\n").map((line) => line.trim()).filter(Boolean);
    const call = lines.find((line) => line.startsWith("Invalid `")) ?? "Invalid Prisma call";
    serialized.message = `${call} … ${lines.at(-1) ?? ""}`;
    serialized.stack = serialized.stack.split("\n").filter((line) => line.trimStart().startsWith("at ")).join("\n");
  }
  return serialized;
}

/** The logger's settings, writing to `destination` (stdout by default; tests pass their own). */
export function createLogger(destination?: pino.DestinationStream, level = env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info")) {
  return pino(
    {
      level,
      base: { app: "wheelhouse" },
      redact: { paths: redactPaths, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

/**
 * The server's one logger: structured JSON lines on stdout, for the platform
 * to collect. Plain `pino()` without transports, since those run in worker
 * threads that Next's bundling does not follow.
 */
export const logger = createLogger();
