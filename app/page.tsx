import type { Metadata } from "next";
import { Brand } from "@/components/app/brand";
import { LinkButton } from "@/components/ui/button";
import { getViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Wheelhouse: from firefighting to strategy" };

const habits = [
  {
    title: "Strategic over tactical time",
    body: "Log how your week split between firefighting, strategy and everything else, and watch the strategy share climb over months.",
  },
  {
    title: "Owning the story",
    body: "A few reflection questions each week help you say what engineering did in the words the rest of the company uses: value.",
  },
  {
    title: "Relationships across the company",
    body: "Keep track of who you talk to in sales, finance, product and the executive team, and notice who you have not met for too long.",
  },
  {
    title: "Vision",
    body: "Write down bets about where the company should be in one, three and five years, and come back to them.",
  },
];

export default async function LandingPage() {
  const viewer = await getViewer();
  const primary = viewer ? { href: "/dashboard", label: "Open your dashboard" } : { href: "/signin", label: "Sign in to start" };
  return (
    <div className="mx-auto max-w-5xl px-5 py-6 sm:px-8">
      <header className="flex items-center justify-between">
        <Brand />
        <LinkButton href={primary.href} variant="secondary">
          {viewer ? "Dashboard" : "Sign in"}
        </LinkButton>
      </header>
      <main>
        <section className="py-16 sm:py-24">
          <p className="text-sm font-medium uppercase tracking-wide text-accent">For engineering leaders</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
            Spend less of your week firefighting and more of it on where the company is going.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-muted">
            Wheelhouse is a two-minute weekly log for VPs of Engineering and CTOs. It shows how your time really splits, who
            you meet outside engineering and what you believe about the years ahead, and lets a mentor follow along.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <LinkButton href={primary.href}>{primary.label}</LinkButton>
          </div>
          {viewer ? null : (
            <p className="mt-3 text-sm text-muted">New here? Signing in with your email creates your account: no password, nothing to install.</p>
          )}
        </section>
        <section aria-labelledby="habits-title" className="border-t border-border py-12">
          <h2 id="habits-title" className="text-xl font-semibold">
            Four habits of leaders who make the step up
          </h2>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {habits.map((habit) => (
              <li key={habit.title} className="rounded-lg border border-border bg-surface p-5">
                <h3 className="font-semibold">{habit.title}</h3>
                <p className="mt-2 text-muted">{habit.body}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="border-t border-border py-6 text-sm text-muted">Your notes are yours: private by default, shared only with the mentors you invite.</footer>
    </div>
  );
}
