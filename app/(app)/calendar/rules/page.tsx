import type { Metadata } from "next";
import { RulesEditor } from "@/components/calendar/rules-editor";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCalendarRules } from "@/lib/calendar/user-rules";
import { requireViewer } from "@/lib/server/viewer";
import { deleteRuleAction, moveRuleAction, saveDefaultCategoryAction, saveRuleAction } from "../actions";

export const metadata: Metadata = { title: "Calendar rules" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CalendarRulesPage({ searchParams }: Props) {
  const { edit } = await searchParams;
  const viewer = await requireViewer();
  const { rules, defaultCategory, starter } = await getCalendarRules(viewer);
  // A rule's place from the address; anything else shows the form that adds one.
  const editing = typeof edit === "string" && /^\d{1,3}$/.test(edit) && rules[Number(edit)] ? Number(edit) : null;
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Calendar rules"
        description="In order: the first rule that matches an event decides whether it is firefighting, strategy, other, or ignored."
        action={
          <LinkButton href="/calendar" variant="secondary">
            Back to calendar
          </LinkButton>
        }
      />
      <Card>
        <RulesEditor
          rules={rules}
          starter={starter}
          editing={editing}
          defaultCategory={defaultCategory}
          saveRule={saveRuleAction}
          saveDefault={saveDefaultCategoryAction}
          moveRule={moveRuleAction}
          deleteRule={deleteRuleAction}
        />
      </Card>
    </div>
  );
}
