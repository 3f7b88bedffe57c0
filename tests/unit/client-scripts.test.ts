import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Script every page would load for something most pages never show
// (README, Performance): sonner comes with the first toast
// (components/ui/toast.tsx), and the error page, on every page, stays small.
const root = join(import.meta.dirname, "..", "..");

const sources = ["app", "components", "lib"].flatMap((folder) =>
  readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("generated"))
    .map((file) => relative(root, join(root, folder, file)).replaceAll("\\", "/")),
);

const read = (file: string) => readFileSync(join(root, file), "utf8");

describe("scripts loaded on every page", () => {
  it("load sonner only with the first toast: nothing imports it but components/ui/toast.tsx, and that one only lazily", () => {
    const importers = sources.filter((file) => /from "sonner"|import\("sonner"\)/.test(read(file)));
    expect(importers).toEqual(["components/ui/toast.tsx"]);
    expect(read("components/ui/toast.tsx")).not.toMatch(/^import (?!type )[^;]*from "sonner";$/m);
  });

  it("keep next/link out of the error page", () => {
    expect(read("app/error.tsx")).not.toMatch(/from "(next\/link|@\/components\/ui\/button)"/);
  });
});
