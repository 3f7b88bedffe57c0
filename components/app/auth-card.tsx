import type { ReactNode } from "react";
import { Brand } from "@/components/app/brand";

/** The narrow centred layout of the sign-in pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-md flex-col px-5 py-8">
      <Brand />
      <main className="my-auto py-10">
        <div className="rounded-lg border border-border bg-surface p-6 sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          <div className="mt-4">{children}</div>
        </div>
      </main>
    </div>
  );
}
