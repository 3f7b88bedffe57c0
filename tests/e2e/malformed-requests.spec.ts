import type { APIRequestContext, Request } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// Requests no browser of ours sends, but anyone can: a broken server-action
// header or body, a broken RSC request, a truncated upload. Each must get an
// answer in the 4xx range: a 500 says the server broke, and it pages someone.
test.use({ failOnConsoleError: false });

type Probe = { name: string; send: (request: APIRequestContext, recorded: Request) => Promise<{ status(): number }> };

/** The settings form's own server-action POST, to vary one part at a time. */
async function recordSettingsPost(page: import("@playwright/test").Page): Promise<Request> {
  await page.goto("/settings");
  await page.waitForLoadState("networkidle");
  const posted = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await page.getByLabel("Display name").fill("Probe");
  await page.getByRole("button", { name: "Save settings" }).click();
  const request = await posted;
  await expect(page.getByText("Settings saved.")).toBeVisible();
  return request;
}

async function headersOf(recorded: Request, changes: Record<string, string | null>): Promise<Record<string, string>> {
  const headers: Record<string, string> = { ...(await recorded.allHeaders()) };
  delete headers["content-length"];
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return headers;
}

const body = (recorded: Request) => recorded.postDataBuffer()!;

// RSC requests are redirected (307) to the address that carries their
// cache-busting `_rsc` hash first; those probes follow it to the page's answer.
const probes: Probe[] = [
  {
    name: "an unknown Next-Action id",
    send: async (request, recorded) => request.post(recorded.url(), { headers: await headersOf(recorded, { "next-action": "0".repeat(42) }), data: body(recorded), maxRedirects: 0 }),
  },
  {
    name: "a Next-Action id that is not hex",
    send: async (request, recorded) => request.post(recorded.url(), { headers: await headersOf(recorded, { "next-action": "../../etc/passwd" }), data: body(recorded), maxRedirects: 0 }),
  },
  {
    name: "a Next-Action header of 64 kB",
    send: async (request, recorded) => request.post(recorded.url(), { headers: await headersOf(recorded, { "next-action": "a".repeat(65_536) }), data: body(recorded), maxRedirects: 0 }),
  },
  {
    name: "a truncated multipart body",
    send: async (request, recorded) => request.post(recorded.url(), { headers: await headersOf(recorded, {}), data: body(recorded).subarray(0, Math.floor(body(recorded).length / 2)), maxRedirects: 0 }),
  },
  {
    name: "a multipart body without its boundary",
    send: async (request, recorded) => request.post(recorded.url(), { headers: await headersOf(recorded, { "content-type": "multipart/form-data" }), data: body(recorded), maxRedirects: 0 }),
  },
  {
    name: "a multipart body under another boundary",
    send: async (request, recorded) =>
      request.post(recorded.url(), { headers: await headersOf(recorded, { "content-type": "multipart/form-data; boundary=nothing-like-it" }), data: body(recorded), maxRedirects: 0 }),
  },
  {
    name: "a form post as a browser without JavaScript sends it, truncated",
    send: async (request, recorded) =>
      request.post(recorded.url(), { headers: await headersOf(recorded, { "next-action": null, rsc: null, "next-router-state-tree": null }), data: body(recorded).subarray(0, 40), maxRedirects: 0 }),
  },
  {
    name: "a form post as a browser without JavaScript sends it, under another boundary",
    send: async (request, recorded) =>
      request.post(recorded.url(), {
        headers: await headersOf(recorded, { "next-action": null, rsc: null, "next-router-state-tree": null, "content-type": "multipart/form-data; boundary=nothing-like-it" }),
        data: body(recorded),
        maxRedirects: 0,
      }),
  },
  {
    name: "a server action with a body that is not JSON",
    send: async (request, recorded) => request.post(recorded.url(), { headers: await headersOf(recorded, { "content-type": "text/plain;charset=UTF-8" }), data: "{not json", maxRedirects: 0 }),
  },
  {
    name: "a server action with a JSON body of the wrong shape",
    send: async (request, recorded) => request.post(recorded.url(), { headers: await headersOf(recorded, { "content-type": "text/plain;charset=UTF-8" }), data: '{"$F":1}', maxRedirects: 0 }),
  },
  {
    name: "a server action with an empty body",
    send: async (request, recorded) => request.post(recorded.url(), { headers: await headersOf(recorded, {}), data: "", maxRedirects: 0 }),
  },
  {
    name: "a server action posted as a URL-encoded form",
    send: async (request, recorded) =>
      request.post(recorded.url(), { headers: await headersOf(recorded, { "content-type": "application/x-www-form-urlencoded" }), data: "%E0%A4%A=1&&=", maxRedirects: 0 }),
  },
  {
    name: "an RSC request with a router state that is not JSON",
    send: (request) => request.get("/dashboard", { headers: { RSC: "1", "Next-Router-State-Tree": "%7Bnot-json" } }),
  },
  {
    name: "an RSC request with a router state of the wrong shape",
    send: (request) => request.get("/dashboard", { headers: { RSC: "1", "Next-Router-State-Tree": encodeURIComponent('{"a":[1,2,{"b":null}]}') } }),
  },
  {
    name: "an RSC request with a deeply nested router state",
    send: (request) =>
      request.get("/dashboard", { headers: { RSC: "1", "Next-Router-State-Tree": encodeURIComponent(`${'["",{"children":'.repeat(2000)}null${"}]".repeat(2000)}`) } }),
  },
  {
    name: "an RSC prefetch with a broken segment prefetch header",
    send: (request) => request.get("/dashboard", { headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/%ZZ" } }),
  },
  {
    name: "a page address with broken percent-encoding",
    send: (request) => request.get("/stakeholders/%E0%A4%A", { maxRedirects: 0 }),
  },
  {
    name: "a week address with broken percent-encoding",
    send: (request) => request.get("/weeks/%C0%AF", { maxRedirects: 0 }),
  },
  {
    name: "a search with broken percent-encoding",
    send: (request) => request.get("/notes?q=%E0%A4%A&horizon=%FF", { maxRedirects: 0 }),
  },
  {
    name: "a chart image address with broken percent-encoding",
    send: (request) => request.get("/dashboard/charts/%E0%A4%A?v=%FF", { maxRedirects: 0 }),
  },
  {
    name: "an export file with broken percent-encoding",
    send: (request) => request.get("/settings/data/export/%E0%A4%A", { maxRedirects: 0 }),
  },
  {
    name: "a sign-in callback with a truncated body",
    send: (request) =>
      request.post("/api/auth/signin/nodemailer", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "email=%E0%A4%A&csrfToken=", maxRedirects: 0 }),
  },
  {
    name: "an Auth.js route with a JSON body of the wrong type",
    send: (request) => request.post("/api/auth/session", { headers: { "content-type": "application/json" }, data: "[[[", maxRedirects: 0 }),
  },
];

test("malformed requests are answered with a 4xx, never a 5xx", async ({ leader, page }) => {
  const recorded = await recordSettingsPost(page);
  const answers: string[] = [];
  for (const probe of probes) {
    const status = (await probe.send(leader.context.request, recorded)).status();
    answers.push(`${status} ${probe.name}`);
  }
  // All at once, so one failure shows every other probe's answer too.
  expect(answers.filter((answer) => Number(answer.slice(0, 3)) >= 500)).toEqual([]);
  // The app is still well after all of them.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  console.log(answers.join("\n"));
});

/** Posts `megabytes` of a multipart body streamed without a Content-Length (chunked), as a script or proxy may. */
async function postChunked(url: string, headers: Record<string, string>, megabytes: number): Promise<{ status: number; location: string | undefined; text: string }> {
  const { request: send } = url.startsWith("https:") ? await import("node:https") : await import("node:http");
  return new Promise((resolve, reject) => {
    const request = send(url, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=chunked-probe", ...headers } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location, text }));
    });
    request.on("error", reject);
    const piece = Buffer.alloc(64 * 1024, "x");
    let left = (megabytes * 1024 * 1024) / piece.length;
    const write = () => {
      while (left > 0) {
        left -= 1;
        if (!request.write(piece)) return void request.once("drain", write);
      }
      request.end();
    };
    request.write("--chunked-probe\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.ics\"\r\nContent-Type: text/calendar\r\n\r\n");
    write();
  });
}

test("a post over 20 MB streamed without a Content-Length gets the same words as one that declares it, not Next's body-limit error", async ({ baseURL }) => {
  const url = new URL("/calendar", baseURL).toString();
  // A form post without script goes back to the page, which says so at the file field (calendar.spec.ts shows it).
  const form = await postChunked(url, {}, 25);
  expect(form.status).toBe(303);
  expect(new URL(form.location!, url).search).toBe("?upload=too-large");
  // A server action called from script gets a 413 in words.
  const action = await postChunked(url, { "next-action": "0".repeat(42) }, 25);
  expect(action).toMatchObject({ status: 413, text: "That file is too large: files of up to 20 MB are taken." });
});
