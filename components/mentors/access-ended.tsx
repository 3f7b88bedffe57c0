import Link from "next/link";

/** A mentee page the mentor can no longer open: why, in one sentence, and the way back. */
export function AccessEnded({ message }: { message: string }) {
  return (
    <div className="mx-auto max-w-2xl">
      <div role="status" className="rounded-lg border border-border-strong bg-surface px-6 py-10 text-center">
        <h1 className="text-xl font-semibold">Access ended</h1>
        <p className="mx-auto mt-2 max-w-prose text-muted">{message}</p>
        <p className="mt-5 text-sm">
          <Link href="/mentees" className="text-accent underline-offset-2 hover:underline">
            ← All mentees
          </Link>
        </p>
      </div>
    </div>
  );
}

/** On the mentees list: the leaders whose access ended, one sentence each. */
export function EndedMentees({ messages }: { messages: Array<{ key: string; message: string }> }) {
  return (
    <section aria-labelledby="ended-title" className="mt-8">
      <h2 id="ended-title" className="text-base font-semibold">
        Access ended
      </h2>
      <ul className="mt-2 divide-y divide-border rounded-lg border border-border bg-surface">
        {messages.map(({ key, message }) => (
          <li key={key} className="px-4 py-3 text-muted sm:px-5">
            {message}
          </li>
        ))}
      </ul>
    </section>
  );
}
