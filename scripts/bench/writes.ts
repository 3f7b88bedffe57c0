// A write as a browser without JavaScript makes it: the form page is opened,
// its form (server action id included, in React's hidden fields) filled in
// and posted to the page with the session cookie and the app's Origin; the
// server runs the action and answers with the page. Each form page is in use
// by one connection at a time.
import type { Request as CannonRequest } from "autocannon";
import { fillForm, multipart, readForm, type FormFields } from "./forms";
import type { BenchWrite } from "./pages";
import { sessionCookie } from "./setup";

type FormPage = { path: string; fields: FormFields; fromAnswer: Record<string, string> };

/** An error summary (components/ui/form.tsx): the server refused the write. */
const REFUSED = 'role="alert"';

export class FormPoster {
  private free: FormPage[] = [];
  private submitted = 0;
  /** Answers that said the write was refused (field errors, a week saved elsewhere). */
  refused = 0;

  constructor(
    readonly write: BenchWrite,
    private readonly base: string,
  ) {}

  private headers(contentType: string): Record<string, string> {
    return {
      ...sessionCookie(this.write.session),
      // What a browser sends with a form post from the app's own page.
      origin: new URL(this.base).origin,
      "content-type": contentType,
      accept: "text/html",
      "accept-encoding": "identity",
    };
  }

  /** Opens the first `count` form pages and reads their forms, as they are now. */
  async open(count: number): Promise<void> {
    const pages = this.write.formPages.slice(0, count);
    if (pages.length < count) throw new Error(`${this.write.name}: ${count} connections need ${count} form pages, the table gives ${pages.length}`);
    this.free = await Promise.all(
      pages.map(async (path) => {
        const response = await fetch(`${this.base}${path}`, { headers: sessionCookie(this.write.session), redirect: "manual" });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`${this.write.name}: its form page ${path} answered ${response.status}`);
        if (html.includes(REFUSED)) throw new Error(`${this.write.name}: its form page ${path} already shows an error summary`);
        return { path, fields: readForm(html, this.write.formField), fromAnswer: {} };
      }),
    );
  }

  private take(): FormPage {
    const page = this.free.shift();
    if (!page) throw new Error(`${this.write.name}: more writes at once than form pages opened`);
    return page;
  }

  private body(page: FormPage) {
    return multipart(fillForm(page.fields, { ...this.write.fill(++this.submitted), ...page.fromAnswer }));
  }

  private answered(page: FormPage, status: number, html: string): boolean {
    this.free.push(page);
    if (status === 200 && html.includes(REFUSED)) this.refused += 1;
    else if (status === 200) page.fromAnswer = this.write.fromAnswer?.(html) ?? {};
    return (status === 200 || status === 303) && !html.includes(REFUSED);
  }

  /** For autocannon: each request takes a free form page and gives it back with its answer. */
  request(): CannonRequest {
    return {
      method: "POST",
      setupRequest: (request, context) => {
        const page = this.take();
        const { body, contentType } = this.body(page);
        (context as { page?: FormPage }).page = page;
        return { ...request, method: "POST", path: page.path, headers: this.headers(contentType), body };
      },
      onResponse: (status, body, context) => {
        this.answered((context as { page: FormPage }).page, status, body);
      },
    };
  }

  /** One write, sequential (not under autocannon); resolves with its time in ms. */
  async post(): Promise<number> {
    const page = this.take();
    const { body, contentType } = this.body(page);
    const started = performance.now();
    const response = await fetch(`${this.base}${page.path}`, { method: "POST", headers: this.headers(contentType), body: new Uint8Array(body), redirect: "manual" });
    const html = await response.text();
    const ms = performance.now() - started;
    if (!this.answered(page, response.status, html)) throw new Error(`${this.write.name}: ${page.path} answered ${response.status}${html.includes(REFUSED) ? " with an error summary" : ""}`);
    return ms;
  }
}
