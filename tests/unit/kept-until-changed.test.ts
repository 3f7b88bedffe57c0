import { describe, expect, it } from "vitest";
import { jsonBytes, KeptUntilChanged } from "@/lib/server/kept-until-changed";

type Built = { text: string };

/** Keeps `text` in `slot`, built unless kept. */
const keep = (kept: KeptUntilChanged<Built>, slot: string, text: string) => kept.get(slot, "stamp", async () => ({ text }));

describe("what is kept until it changes", () => {
  it("lets the least recently used go once what is kept would weigh more than its bytes", async () => {
    const kept = new KeptUntilChanged<Built>({ max: 100, maxBytes: 3_000, weigh: ({ text }) => text.length });
    await keep(kept, "a", "x".repeat(1_000));
    await keep(kept, "b", "x".repeat(1_000));
    await keep(kept, "a", "unused: kept");
    await keep(kept, "c", "x".repeat(1_500));
    // b was the least recently used: a and c are kept, 2,500 bytes of 3,000.
    expect(kept.slots()).toEqual(["c", "a"]);
    expect(kept.bytes).toBe(2_500);
    expect(kept.size).toBeLessThan(kept.max);
  });

  it("keeps nothing that weighs more than the whole bound, and still builds it for who asked", async () => {
    const kept = new KeptUntilChanged<Built>({ max: 100, maxBytes: 1_000, weigh: ({ text }) => text.length });
    await keep(kept, "small", "x".repeat(10));
    expect((await keep(kept, "huge", "x".repeat(2_000))).text).toHaveLength(2_000);
    expect(kept.slots()).toEqual(["small"]);
    expect(kept.bytes).toBe(10);
  });

  it("still keeps at most `max` values, however light", async () => {
    const kept = new KeptUntilChanged<Built>({ max: 2, maxBytes: 1_000_000, weigh: jsonBytes });
    for (const slot of ["a", "b", "c"]) await keep(kept, slot, slot);
    expect(kept.slots()).toEqual(["c", "b"]);
    expect(kept.bytes).toBe(2 * jsonBytes({ text: "a" }));
  });
});
