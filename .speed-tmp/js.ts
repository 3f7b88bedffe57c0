// Throwaway: lists each page's scripts and their gzip sizes.
import { gzipSync } from "node:zlib";
import { appEnv, freePort, startApp, stopApps } from "../scripts/support/next-app";
const token = process.argv[2];
const pages = ["/", "/bench-baseline", "/dashboard?range=all", "/weeks/current", "/signin", "/stakeholders", "/notes", "/settings"];
async function main() {
  const port = await freePort();
  const { base } = await startApp(appEnv({ databaseUrl: "postgresql://postgres@127.0.0.1:5432/wheelhouse_bench", authUrl: `http://127.0.0.1:${port}`, authSecret: "x".repeat(44), emailServer: "smtp://127.0.0.1:2525" }), port);
  const sizes = new Map<string, number>();
  for (const path of pages) {
    const html = await (await fetch(base + path, { headers: { cookie: `authjs.session-token=${token}` }, redirect: "manual" })).text();
    const srcs = [...html.matchAll(/<script\b([^>]*)>/gi)].map(([, a = ""]) => /\ssrc="([^"]+)"/i.exec(a)?.[1]).filter((s): s is string => !!s);
    let total = 0;
    const rows: string[] = [];
    for (const src of srcs) {
      if (!sizes.has(src)) sizes.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length);
      total += sizes.get(src)!;
      rows.push(`   ${(sizes.get(src)! / 1024).toFixed(1)} kB ${src}`);
    }
    console.log(`${path}: ${(total / 1024).toFixed(1)} kB in ${srcs.length}`);
    console.log(rows.join("\n"));
  }
  stopApps();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
