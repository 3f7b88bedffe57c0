import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "@/lib/server/logger";

// lib/config/env.ts validates at import; these are never used to connect.
vi.hoisted(() => {
  process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:1/unused";
  process.env.AUTH_SECRET ??= "unit-tests-only-secret-0123456789abcdef";
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(stream, "info"), lines };
}

describe("lib/server/logger", () => {
  it("leaves a database driver's connection out of a logged error", () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error("terminating connection"), { code: "57P01", client: { connectionParameters: { user: "app", host: "db" } } });
    logger.error({ err: error }, "Job queue error");
    expect(lines[0]!.err).toMatchObject({ message: "terminating connection", code: "57P01" });
    expect(JSON.stringify(lines[0])).not.toContain("connectionParameters");
  });

  it("writes one JSON object per line with level, time and message", () => {
    const { logger, lines } = capture();
    logger.info({ userId: "u1" }, "Saved a week");
    expect(lines[0]).toMatchObject({ level: 30, msg: "Saved a week", userId: "u1", app: "wheelhouse" });
    expect(typeof lines[0]!.time).toBe("number");
  });

  it("redacts tokens, cookies, authorization, bodies, emails and URLs at the top level and one level down", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        token: "t0k3n",
        email: "ada@example.test",
        req: { cookie: "authjs.session-token=abc", authorization: "Bearer x", url: "http://x/callback?token=abc" },
        note: { body: "my candid note", title: "kept" },
        input: { password: "hunter2" },
      },
      "Something odd",
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ["t0k3n", "ada@example.test", "session-token=abc", "Bearer x", "token=abc", "my candid note", "hunter2"]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('"title":"kept"');
    expect(line).toContain("[redacted]");
  });

  it("keeps what Prisma's validation errors quote (the values sent) out of the log", () => {
    const { logger, lines } = capture();
    const error = new Error("\nInvalid `prisma.visionNote.create()` invocation:\n\n{\n  data: {\n    body: \"my candid note\"\n  }\n}\n\nArgument `title` is missing.");
    error.name = "PrismaClientValidationError";
    Object.defineProperty(error, "constructor", { value: { name: "PrismaClientValidationError" } });
    logger.error({ err: error }, "Server action failed");
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain("candid");
    expect(line).toContain("Argument `title` is missing.");
  });

  it("stays quiet below its level", () => {
    const { logger, lines } = capture();
    logger.debug("noise");
    expect(lines).toHaveLength(0);
  });
});
