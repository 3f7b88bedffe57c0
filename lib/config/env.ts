// The one place that reads process.env. Imported by next.config.ts so a bad
// value fails `next dev`/`next build`/`next start` at once, naming the variable.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";

/** Required in production, optional elsewhere. */
function requiredInProduction<T extends z.ZodType>(schema: T) {
  return isProduction ? schema : schema.optional();
}

// "calendar.internal:443" or "[fd00::5]:8443": a host and its port, nothing else.
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?):([1-9]\d{0,4})$/;

const hostPortList = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== ""))
  .pipe(
    z.array(
      z.string().refine((entry) => HOST_PORT.test(entry) && Number(entry.slice(entry.lastIndexOf(":") + 1)) <= 65_535, {
        message: "must be comma-separated host:port pairs, e.g. calendar.internal:443",
      }),
    ),
  );

const smtpUrl = z
  .string()
  .regex(/^smtps?:\/\//, "must be an SMTP URL such as smtp://user:pass@host:587");

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required (a PostgreSQL URL); `npm run dev` sets it for you" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
    AUTH_SECRET: z
      .string({ error: "is required; generate one with `openssl rand -base64 32`" })
      .min(32, "must be at least 32 characters"),
    AUTH_URL: requiredInProduction(z.url("must be the app's public URL, e.g. https://wheelhouse.example.com")),
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
    AUTH_GOOGLE_ID: z.string().min(1).optional(),
    AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
    EMAIL_SERVER: requiredInProduction(smtpUrl),
    EMAIL_FROM: z.string().min(3).default("Wheelhouse <no-reply@wheelhouse.localhost>"),
    // First retry delay of a failed email; it doubles per attempt. Short only for the resilience run.
    EMAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3_600).optional(),
    // How often the scheduler looks for users whose weekly emails are due. A minute; shorter only for tests.
    REMINDER_TICK_SECONDS: z.coerce.number().int().min(1).max(3_600).optional(),
    // Internal calendar servers whose feeds may be fetched though they resolve to private addresses (plain http allowed).
    CALENDAR_FEED_ALLOWED_HOSTS: hostPortList.optional(),
    // "separate" when the job worker runs as a process of its own (`npm run worker`): the app then only queues jobs.
    JOB_WORKER: z.enum(["in-app", "separate"]).default("in-app"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    // Bench only (`npm run bench`): the file the server appends its memory and cache figures to on SIGUSR2.
    BENCH_REPORT_FILE: z.string().min(1).optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // Only for tools that load next.config.ts without running the app (`next typegen` in `npm run typecheck`).
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  onValidationError: (issues) => {
    const lines = issues.map((issue) => `  - ${issue.path?.join(".") ?? "?"}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example.`);
  },
});

export const isDevelopment = env.NODE_ENV === "development";
