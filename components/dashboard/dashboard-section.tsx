import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled card on the dashboard, the leader's own or the one their mentor sees. */
export function DashboardSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    // min-w-0: in the dashboard's grid, a wide table must scroll in its region, not widen the page.
    <Card aria-labelledby={id} className="min-w-0">
      <h2 id={id} className="mb-3 text-sm font-medium uppercase tracking-wide text-muted">
        {title}
      </h2>
      {children}
    </Card>
  );
}
