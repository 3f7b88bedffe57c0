// Module hooks for `npm run worker`. lib/ modules import "server-only", whose
// package throws outside a React Server Components bundle; in this plain Node
// process it resolves to an empty module instead (as tests/support/server-only.ts does for Vitest).
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}
