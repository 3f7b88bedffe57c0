// Stands in for React's per-render `cache`. React's server build memoises a
// cached function for the length of one render; the build tests load calls
// through every time. So that a test counts what one page render runs, run it
// inside inRender() with:
//   vi.mock("react", () => import("../support/render-cache").then((m) => m.reactWithRenderCache()));
import { AsyncLocalStorage } from "node:async_hooks";

type Memo = { value?: unknown; done: boolean; next: Map<unknown, Memo> };

const renders = new AsyncLocalStorage<Map<unknown, Memo>>();

const memo = (): Memo => ({ done: false, next: new Map() });

function cache<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const functions = renders.getStore();
    if (!functions) return fn(...args);
    if (!functions.has(fn)) functions.set(fn, memo());
    // Arguments compared one by one, by identity, as React does.
    let node = functions.get(fn)!;
    for (const arg of args) {
      if (!node.next.has(arg)) node.next.set(arg, memo());
      node = node.next.get(arg)!;
    }
    if (!node.done) node.value = fn(...args);
    node.done = true;
    return node.value as R;
  };
}

export async function reactWithRenderCache() {
  const react = await import("react");
  return { ...react, default: react, cache };
}

/** Runs `run` as one render: cached functions run once in it. */
export function inRender<T>(run: () => Promise<T>): Promise<T> {
  return renders.run(new Map(), run);
}
