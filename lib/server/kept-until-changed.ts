import "server-only";
import { LRUCache } from "lru-cache";

/**
 * What is built from a user's data, kept in this process per slot (a user and
 * what of theirs: a dashboard range, a quarter's story) while its stamp
 * matches: the stamp names everything the value depends on, the user's data
 * version among it (docs/decisions/012-dashboard-cache.md), so a changed stamp
 * means a rebuild and a kept value is never older than its stamp. A slot that
 * is being built is built once, however many renders ask for it meanwhile.
 * Bounded by entries and by bytes: each value is weighed once, when kept, by
 * `weigh` (what it holds, in bytes: everything kept with it counted), and the
 * least recently used slot goes first when either bound would be passed.
 */
export class KeptUntilChanged<T extends object> {
  private readonly kept: LRUCache<string, { stamp: string; value: T }>;
  // Builds in progress, by slot and stamp.
  private readonly building = new Map<string, Promise<T>>();
  readonly max: number;
  readonly maxBytes: number;

  constructor({ max, maxBytes, weigh }: KeptBounds<T>) {
    this.max = max;
    this.maxBytes = maxBytes;
    // A value over the whole bound is not kept at all (lru-cache refuses it): built for the render that asked.
    this.kept = new LRUCache({ max, maxSize: maxBytes, sizeCalculation: ({ value }) => Math.max(1, Math.ceil(weigh(value))) });
  }

  /** The value kept for `slot` while its stamp is `stamp`, else `build()`'s, kept from then on. */
  get(slot: string, stamp: string, build: () => Promise<T>): Promise<T> {
    const kept = this.kept.get(slot);
    if (kept?.stamp === stamp) return Promise.resolve(kept.value);
    const pending = `${slot}\n${stamp}`;
    let value = this.building.get(pending);
    if (!value) {
      value = build()
        .then((built) => {
          this.kept.set(slot, { stamp, value: built });
          return built;
        })
        .finally(() => this.building.delete(pending));
      this.building.set(pending, value);
    }
    return value;
  }

  /** The slots kept, the most recently used first. */
  slots(): string[] {
    return [...this.kept.keys()];
  }

  /** The values kept, for the bench's report of how full the cache is. */
  values(): T[] {
    return [...this.kept.values()].map(({ value }) => value);
  }

  get size(): number {
    return this.kept.size;
  }

  /** The kept values' weight, in bytes (at most `maxBytes`). */
  get bytes(): number {
    return this.kept.calculatedSize;
  }
}

/** How much a KeptUntilChanged keeps: at most `max` values and `maxBytes` bytes, each value weighing `weigh(value)`. */
export type KeptBounds<T> = { max: number; maxBytes: number; weigh: (value: T) => number };

/** The bytes of `value` as JSON: a measure of what a value of plain data holds (a one-byte string's bytes, numbers, keys). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "");
}

/**
 * The one value named `name` in this process, made by `create` the first time.
 * Next compiles a module into each server bundle layer that imports it (Server
 * Components and route handlers, server actions, the rebuild after a write),
 * so a cache made at module level would be one per layer: up to three times
 * its bound, and a rebuild in one unseen by a page rendered from another.
 */
export function perProcess<T>(name: string, create: () => T): T {
  const registry = globalThis as { [key: symbol]: T | undefined };
  const key = Symbol.for(`wheelhouse.kept.${name}`);
  return (registry[key] ??= create());
}

/** The one KeptUntilChanged named `name` in this process; `created` runs once, with the new cache. */
export function keptPerProcess<T extends object>(name: string, bounds: KeptBounds<T>, created?: (kept: KeptUntilChanged<T>) => void): KeptUntilChanged<T> {
  return perProcess(name, () => {
    const kept = new KeptUntilChanged<T>(bounds);
    created?.(kept);
    return kept;
  });
}
