import type { Metadata } from "next";
import Link from "next/link";
import { GoalsForm } from "@/components/dashboard/goals-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getGoals } from "@/lib/dashboard/goals";
import { requireViewer } from "@/lib/server/viewer";
import { saveGoals } from "./actions";

export const metadata: Metadata = { title: "Goals" };

export default async function GoalsPage() {
  const viewer = await requireViewer();
  const goals = await getGoals(viewer);
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="text-accent underline">
          ← Dashboard
        </Link>
      </p>
      <PageHeader title="Goals" description="Targets the dashboard measures you against. Every goal is optional; leave a field empty to drop it." />
      <Card>
        <GoalsForm action={saveGoals} goals={goals} />
      </Card>
    </div>
  );
}
