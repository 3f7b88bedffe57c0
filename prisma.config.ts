// Prisma CLI configuration. `env("DATABASE_URL")` would throw when the
// variable is unset (e.g. during `prisma generate` on a fresh clone), so read
// it directly with a harmless fallback; the app itself validates it in lib/config/env.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/wheelhouse",
  },
});
