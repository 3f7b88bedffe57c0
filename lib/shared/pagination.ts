import { z } from "zod";

/** A list's page number from its address (?page=2): anything but a page number is the first page. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export type PageSlice = {
  /** 1-based, within 1…pages. */
  page: number;
  pages: number;
  /** The page's items are `start` (inclusive) to `end` (exclusive) of the whole list. */
  start: number;
  end: number;
};

/** Which part of a list of `total` items, `perPage` to a page, `requested` shows; a page past the last shows the last. */
export function pageSlice(total: number, perPage: number, requested: number): PageSlice {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(requested)), pages);
  return { page, pages, start: (page - 1) * perPage, end: Math.min(total, page * perPage) };
}

/** A list page's address: its path and query, with `page` only past the first (the first page has one address). */
export function pageHref(path: string, page: number, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
