import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    // Dependencies point one way: app/ -> components/ -> lib/ (docs/decisions/014-code-layout.md).
    // tests/unit/import-direction.test.ts proves each zone fails the lint.
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            { target: "./components", from: "./app", message: "Components get server actions and data as props from app/." },
            { target: "./lib", from: ["./app", "./components"], message: "lib/ is the domain: it knows nothing of routes or UI." },
            { target: ["./lib/shared", "./lib/config"], from: "./lib/server", message: "lib/shared and lib/config load in the browser and the proxy too." },
            { target: "./scripts", from: "./tests", message: "What scripts and tests share lives in scripts/support/." },
          ],
        },
      ],
    },
  },
  {
    // lib/config/env.ts is the only reader of process.env in the app.
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["lib/config/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read environment variables through lib/config/env.ts." },
      ],
    },
  },
  {
    // A Viewer comes from a session (lib/server/viewer.ts), the mentee switch (lib/mentoring/mentor-access.ts)
    // or a live story link (lib/story/share-links.ts), never from a cast.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/server/viewer.ts", "lib/mentoring/mentor-access.ts", "lib/story/share-links.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSAsExpression[typeAnnotation.typeName.name='Viewer'], TSTypeAssertion[typeAnnotation.typeName.name='Viewer']",
          message: "Get a Viewer from lib/server/viewer.ts (or, for a mentee, through lib/mentoring/mentor-access.ts); never cast to one.",
        },
      ],
    },
  },
]);
