import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled card on the dashboard, the leader's own or the one their mentor sees. */
export function DashboardSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-sm font-medium uppercase tracking-wide text-muted">
        {title}
      </h2>
      {children}
    </Card>
  );
}
