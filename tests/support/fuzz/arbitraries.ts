// Inputs for the fuzz: values our zod schemas accept (derived from the
// schemas themselves, with hints where a refinement hides what is valid) and
// values far outside them: wrong types, huge strings, unicode tricks, SQL
// and HTML payloads, other users' ids. Values that are big or depend on the
// database (ids, files, 1 MB strings) are descriptions resolved when the call
// runs, so a counterexample prints short and readable.
import fc from "fast-check";
import { NextRequest } from "next/server";
import type { z } from "zod";
import { POOLS, type Pool, type World } from "./world";

// ── Values resolved when the call runs ──────────────────────────────────────

/** The `index`-th id of a pool (modulo its size), as the pool stands when the call runs. */
export class Ref {
  constructor(
    readonly pool: Pool,
    readonly index: number,
  ) {}
  [fc.toStringMethod]() {
    return `ref(${this.pool}#${this.index})`;
  }
}

const HUGE_SIZES = { "8 kB": 8 * 1024, "64 kB": 64 * 1024, "1 MB": 1024 * 1024 } as const;
type HugeSize = keyof typeof HUGE_SIZES;

/** A string of `size` made of `unit` repeated, built once. */
export class Huge {
  constructor(
    readonly size: HugeSize,
    readonly unit: string,
  ) {}
  [fc.toStringMethod]() {
    return `huge(${this.size} of ${JSON.stringify(this.unit)})`;
  }
}

/** An uploaded file. */
export class FileSpec {
  constructor(
    readonly name: string,
    readonly content: string | Huge | object,
    readonly type = "application/json",
  ) {}
  [fc.toStringMethod]() {
    const content = typeof this.content === "string" ? JSON.stringify(this.content.slice(0, 60)) : fc.stringify(this.content).slice(0, 200);
    return `file(${JSON.stringify(this.name)}, ${content})`;
  }
}

/** A file too big to be an export (20 MB and one byte), made once: its size is all that is read. */
export class OversizedFile {
  [fc.toStringMethod]() {
    return "file(20 MB + 1 byte)";
  }
}

export type FieldValue = string | Ref | Huge | FileSpec | OversizedFile;

/** A request to a route handler; its headers are the call's (origin, cookies), set when it runs. */
export class RequestSpec {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly query: ReadonlyArray<readonly [string, FieldValue]> = [],
    readonly body?: FormSpec | string,
  ) {}
  [fc.toStringMethod]() {
    const query = this.query.map(([name, value]) => `${name}=${fc.stringify(value)}`).join("&");
    return `${this.method} ${this.path}${query ? `?${query}` : ""}${this.body === undefined ? "" : ` body ${fc.stringify(this.body)}`}`;
  }
}

/** A dynamic route's params, as Next passes them (a promise). */
export class ParamsSpec {
  constructor(readonly params: Record<string, FieldValue>) {}
  [fc.toStringMethod]() {
    return `params(${fc.stringify(this.params)})`;
  }
}

/** What resolving needs: the world's ids, and the headers of the request being made. */
export type CallContext = { world: World; headers: Headers; appUrl: string };

/** A FormData, as the entries it is built from (a field may repeat). */
export class FormSpec {
  constructor(readonly entries: ReadonlyArray<readonly [string, FieldValue]>) {}
  /** The same form with these fields set to these values. */
  with(fields: Record<string, FieldValue>): FormSpec {
    return new FormSpec([...this.entries.filter(([name]) => !(name in fields)), ...Object.entries(fields)]);
  }
  [fc.toStringMethod]() {
    return `form(${this.entries.map(([name, value]) => `${name}=${fc.stringify(value)}`).join(", ")})`;
  }
}

const hugeStrings = new Map<string, string>();
let oversized: File | undefined;

function hugeString(huge: Huge): string {
  const key = `${huge.size}:${huge.unit}`;
  let value = hugeStrings.get(key);
  if (value === undefined) {
    value = huge.unit.repeat(Math.ceil(HUGE_SIZES[huge.size] / huge.unit.length));
    hugeStrings.set(key, value);
  }
  return value;
}

function fieldValue(value: FieldValue, context: CallContext): string | File {
  if (value instanceof OversizedFile) return (oversized ??= new File([new Uint8Array(20 * 1024 * 1024 + 1)], "export.json"));
  if (value instanceof FileSpec) {
    const content = typeof value.content === "string" ? value.content : value.content instanceof Huge ? hugeString(value.content) : JSON.stringify(resolve(value.content, context));
    return new File([content], value.name, { type: value.type });
  }
  return resolve(value, context) as string;
}

function formData(spec: FormSpec, context: CallContext): FormData {
  const form = new FormData();
  for (const [name, entry] of spec.entries) form.append(name, fieldValue(entry, context));
  return form;
}

/** As Next hands it to a route handler. */
function request(spec: RequestSpec, context: CallContext): NextRequest {
  const url = new URL(spec.path, context.appUrl);
  for (const [name, value] of spec.query) url.searchParams.append(name, String(resolve(value, context)));
  const headers = new Headers(context.headers);
  let body: BodyInit | undefined;
  if (spec.body instanceof FormSpec) {
    body = new URLSearchParams([...formData(spec.body, context)].map(([name, value]) => [name, String(value)]));
  } else if (spec.body !== undefined) {
    headers.set("content-type", "application/json");
    body = spec.body;
  }
  return new NextRequest(url, { method: spec.method, headers, body });
}

/** The value a generated argument stands for, against the world as it is now. */
export function resolve(value: unknown, context: CallContext): unknown {
  if (value instanceof Ref) {
    const pool = context.world.pools[value.pool];
    // An empty pool (nothing deleted yet, say) still yields an id, one that never existed.
    return pool.length === 0 ? `cnever${value.pool.replace(/\W/g, "")}${value.index}` : pool[value.index % pool.length];
  }
  if (value instanceof Huge) return hugeString(value);
  if (value instanceof FileSpec || value instanceof OversizedFile) return fieldValue(value, context);
  if (value instanceof FormSpec) return formData(value, context);
  if (value instanceof RequestSpec) return request(value, context);
  if (value instanceof ParamsSpec) return { params: Promise.resolve(resolve(value.params, context)) };
  if (Array.isArray(value)) return value.map((item) => resolve(item, context));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, context)]));
  }
  return value;
}

// ── Hostile strings ─────────────────────────────────────────────────────────

const SCRIPT_PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  "[click me](javascript:window.__pwned=1)",
  "javascript:window.__pwned=1",
  "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "</textarea><script>alert(1)</script>",
] as const;

const SQL_PAYLOADS = [
  `'; DROP TABLE "User"; --`,
  "' OR '1'='1",
  "1 OR 1=1",
  "'; UPDATE \"Stakeholder\" SET name = 'pwned'; --",
  "$1",
  "\\'; SELECT pg_sleep(1); --",
  "%' OR '%'='",
  "') OR ('a'='a",
  "!:& | ( ) <-> ''",
] as const;

const UNICODE_TRICKS = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDC00y",
  "\u202Egnp.exe",
  "a\u200Bb\u200C\u200D",
  "\uFEFF",
  "e\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦",
  "𝕬𝖉𝖆",
  "\r\n\r\n",
  "\u2028\u2029",
  "İıß",
  "\u00A0\u3000\t",
  "\u001B[31m",
  "\uFFFF\uFFFE",
] as const;

/** Payloads and tricks mixed into ordinary text: what a value of a text field may be. */
const payload = fc.constantFrom<string>(...SCRIPT_PAYLOADS, ...SQL_PAYLOADS, ...UNICODE_TRICKS);

/** Text for a field that takes up to `max` characters (so a valid length; the content is anything). */
export function textArb(min = 0, max = 500): fc.Arbitrary<string> {
  const cap = Math.min(max, 500);
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: cap }) },
      { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: min, maxLength: Math.min(cap, 40) }) },
      { weight: 4, arbitrary: payload },
      { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), payload, fc.string({ maxLength: 10 })).map((parts) => parts.join("")) },
      { weight: 1, arbitrary: fc.constant("x".repeat(max)) },
    )
    .map((text) => (text.length > max ? text.slice(0, max) : text))
    .filter((text) => text.trim().length >= min);
}

const misfits = fc.constantFrom("", " ", "   \n", "null", "undefined", "NaN", "Infinity", "-1", "1e309", "9007199254740993", "0x10", "1.5", "[]", "{}", "true");

/** Anything but a fitting value: huge (up to 1 MB, what Next lets a server action's body be), wrong format, out of range, payloads. */
export const hostileString: fc.Arbitrary<string | Huge> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(new Huge("1 MB", "a"), new Huge("64 kB", "\u0000"), new Huge("64 kB", "😀"), new Huge("8 kB", "<script>")) },
  { weight: 3, arbitrary: misfits },
  { weight: 3, arbitrary: payload },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
);

/** The same for a URL's query, which a server takes up to about 16 kB of. */
export const hostileQueryValue: fc.Arbitrary<string | Huge> = fc.oneof(
  fc.constantFrom(new Huge("8 kB", "a"), new Huge("8 kB", "%"), new Huge("8 kB", "😀")),
  misfits,
  payload,
  fc.string({ unit: "binary", maxLength: 60 }),
);

/** Values of types no form or button sends, but a crafted request can: React decodes all of these. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 10n ** 30n, "", []),
  fc.constantFrom(new Date(Number.NaN), new Map([["id", "x"]]), new Set(["x"]), new Uint8Array([0, 1, 2])),
  fc.constant(new FormSpec([["id", "x"]])),
  fc.constant(new FileSpec("x.json", "{}")),
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
);

// ── Ids, dates, time zones, emails ──────────────────────────────────────────

/** Looks like one of our ids (cuid), but is not one. */
const cuidLike = fc.stringMatching(/^c[a-z0-9]{24}$/);

/**
 * An id to try: from the given pools mostly (the attacker's own most often,
 * so calls get through to the data layer; then shared, other users' and
 * deleted ones), else made up or hostile.
 */
export function idArb(...pools: Pool[]): fc.Arbitrary<string | Ref | Huge> {
  const refs = fc.oneof(
    ...[...pools, "gone.id" as const].map((pool) => ({ weight: pool.startsWith("attacker.") ? 3 : 1, arbitrary: fc.nat().map((index) => new Ref(pool, index)) })),
  );
  return fc.oneof({ weight: 8, arbitrary: refs }, { weight: 1, arbitrary: cuidLike }, { weight: 1, arbitrary: hostileString });
}

/** Every pool of one kind: own, the mentee's, other users', deleted. */
export function poolsOf(kind: string): Pool[] {
  return POOLS.filter((pool) => pool.endsWith(`.${kind}`) || pool.toLowerCase().endsWith(`.deleted${kind}`));
}

const isoDate = fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

/** A calendar date: a recent week start mostly, else any day, else almost a date. */
export const dateArb: fc.Arbitrary<string | Ref | Huge> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom<Pool>("attacker.week", "victim.week"), fc.nat()).map(([pool, index]) => new Ref(pool, index)) },
  { weight: 2, arbitrary: isoDate },
  { weight: 1, arbitrary: fc.constantFrom("2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "2026-1-1", " 2026-11-16 ", "2026-11-16T00:00:00Z", "16/11/2026") },
  { weight: 1, arbitrary: hostileString },
);

export const timeZoneArb: fc.Arbitrary<string | Huge> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Etc/GMT+12", "europe/berlin") },
  { weight: 1, arbitrary: fc.constantFrom("Mars/Olympus", "+05:00", "EST5EDT", "../../etc/passwd", "Europe/Berlin\u0000") },
  { weight: 1, arbitrary: hostileString },
);

/** Addresses: other users', the attacker's own, new ones, and ones that only look like addresses. */
export function emailArb(world: World): fc.Arbitrary<string | Ref | Huge> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((index) => new Ref("victim.email", index)) },
    { weight: 1, arbitrary: fc.constant(world.attacker.email) },
    { weight: 3, arbitrary: fc.emailAddress() },
    { weight: 1, arbitrary: fc.constantFrom(" Grace@Example.TEST ", "a@b", "a@b.c\u0000", "<script>@x.test", "x@x.test\r\nBcc: y@y.test", "ünï@exämple.test") },
    { weight: 1, arbitrary: hostileString },
  );
}

/** Where to go after an action: our paths, and ones that try to leave the site. */
export const returnPathArb: fc.Arbitrary<string | Huge> = fc.oneof(
  fc.constantFrom("/dashboard", "/weeks/2026-11-16", "/stakeholders?sort=overdue", "/notes#x"),
  fc.constantFrom("//evil.example", "https://evil.example/", "javascript:alert(1)", "/\\evil.example", "/%2F%2Fevil.example", "\u0000/", "http:evil.example"),
  hostileQueryValue,
);

// ── Forms, derived from the zod schemas ─────────────────────────────────────

/** A field's valid-leaning value: a string, several (a repeated field), or absent. */
export type FieldArb = fc.Arbitrary<FieldValue | FieldValue[] | undefined>;

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
type Check = { check: string; minimum?: number; maximum?: number; value?: number; format?: string };
const checksOf = (def: Def): Check[] => ((def.checks as Array<{ _zod: { def: Check } }> | undefined) ?? []).map((check) => check._zod.def);

/** The object schema inside pipes and refinements, as a form posts to it. */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.type === "object") return def.shape as Record<string, z.ZodType>;
  if (def.type === "pipe") return fieldsOf(def.in as z.ZodType);
  throw new Error(`Not a form schema: ${def.type}`);
}

/**
 * A value the field's zod schema accepts, read from its definition: enum
 * members, strings within their length, numbers within their range,
 * checkboxes, lists of enum members. Text content is anything within the
 * length, payloads included. Throws for what cannot be read (a transform or
 * refinement alone): give the field a hint instead.
 */
function derivedField(schema: z.ZodType, path: string): FieldArb {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
      return fc.option(derivedField(def.innerType as z.ZodType, path), { nil: undefined, freq: 4 });
    case "nullable":
    case "catch":
    case "readonly":
      return derivedField(def.innerType as z.ZodType, path);
    case "pipe": {
      // z.preprocess(fn, schema) is a pipe from a transform: what it accepts is `out`'s.
      const input = defOf(def.in as z.ZodType);
      return derivedField((input.type === "transform" ? def.out : def.in) as z.ZodType, path);
    }
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case "string": {
      const checks = checksOf(def);
      if (def.format === "email" || checks.some((check) => check.format === "email")) return fc.emailAddress();
      const min = checks.find((check) => check.check === "min_length")?.minimum ?? 0;
      const max = checks.find((check) => check.check === "max_length")?.maximum ?? 500;
      return textArb(min, max);
    }
    case "number": {
      const checks = checksOf(def);
      const min = checks.find((check) => check.check === "greater_than")?.value ?? -1000;
      const max = checks.find((check) => check.check === "less_than")?.value ?? 1000;
      return fc.integer({ min, max }).map(String);
    }
    case "boolean":
      return fc.constantFrom("on", undefined);
    case "array": {
      const element = defOf(def.element as z.ZodType);
      if (element.type !== "enum") break;
      return fc.subarray(Object.values(element.entries as Record<string, string>));
    }
  }
  throw new Error(`No arbitrary can be derived for the field "${path}" (${def.type}): give it a hint.`);
}

/** Outside the schema: hostile text, a repeated field, a file where text belongs, or nothing. */
const hostileField: FieldArb = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(new FileSpec("x.txt", "not text")) },
  { weight: 2, arbitrary: fc.constant(undefined) },
);

/** Fields no form has: prototype keys, Next's own, repeats of real ones. */
const strayField = fc.tuple(fc.constantFrom("__proto__", "constructor", "toString", "$ACTION_ID_0", "$ACTION_REF_1", "userId", "id"), fc.constantFrom("x", "{}", "1"));

/**
 * A FormData for `schema`: every field valid-leaning (most calls reach the
 * data layer), or every field a coin toss between valid and hostile. Hints
 * replace a field's derived arbitrary (ids from the world's pools, dates).
 */
export function formArb(schema: z.ZodType, hints: Record<string, FieldArb> = {}): fc.Arbitrary<FormSpec> {
  const fields = Object.entries(fieldsOf(schema)).map(([name, field]) => [name, hints[name] ?? derivedField(field, name)] as const);
  const unknownHints = Object.keys(hints).filter((name) => !fields.some(([field]) => field === name));
  if (unknownHints.length > 0) throw new Error(`Hints for fields the schema does not have: ${unknownHints.join(", ")}`);
  const valid = fc.tuple(...fields.map(([, arb]) => arb));
  const mixed = fc.tuple(...fields.map(([, arb]) => fc.oneof(arb, hostileField)));
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: mixed }), fc.option(strayField, { nil: undefined, freq: 8 }))
    .map(([values, stray]) => {
      const entries: Array<readonly [string, FieldValue]> = [];
      values.forEach((value, index) => {
        const name = fields[index]![0];
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) entries.push([name, item]);
      });
      if (stray) entries.push(stray);
      return new FormSpec(entries);
    });
}

/** A form-action call: (previous state, form data), or the wrong types in their place. */
export function formActionArgs(form: fc.Arbitrary<FormSpec>): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    { weight: 12, arbitrary: form.map((spec) => [{ status: "idle" }, spec]) },
    { weight: 1, arbitrary: fc.tuple(wrongType, form) },
    { weight: 1, arbitrary: fc.tuple(fc.constant({ status: "idle" }), wrongType) },
    { weight: 1, arbitrary: fc.array(wrongType, { maxLength: 3 }) },
  );
}

/** A one-argument call (an id bound on the page), or the wrong types in its place. */
export function boundArgs(...values: Array<fc.Arbitrary<unknown>>): fc.Arbitrary<unknown[]> {
  return fc.oneof({ weight: 8, arbitrary: fc.tuple(...values) }, { weight: 1, arbitrary: fc.array(wrongType, { maxLength: 3 }) });
}
