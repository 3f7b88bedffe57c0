// While a search runs: the page's frame at its final size, so nothing shifts when the results arrive.
export default function SearchLoading() {
  return (
    <div className="mx-auto max-w-3xl" aria-busy="true">
      <p className="sr-only" role="status">
        Searching…
      </p>
      <div className="mb-6 h-8 w-32 rounded-md bg-surface-muted motion-safe:animate-pulse" />
      <div className="mb-6 h-[4.25rem] rounded-md bg-surface-muted motion-safe:animate-pulse" />
      <div className="grid gap-3">
        {[0, 1, 2].map((index) => (
          <div key={index} className="h-24 rounded-lg border border-border bg-surface motion-safe:animate-pulse" />
        ))}
      </div>
    </div>
  );
}
