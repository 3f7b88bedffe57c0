"use client";

import { buttonClasses } from "@/components/ui/button-classes";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md px-5 py-20">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-muted">We could not load this page. Your saved data is safe. Please try again in a moment.</p>
      <button type="button" className={buttonClasses("primary", "mt-6")} onClick={reset}>
        Try again
      </button>
    </main>
  );
}
