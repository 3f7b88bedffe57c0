import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HeadlineFigures } from "@/components/dashboard/headline-figures";
import { MenteeNoteList } from "@/components/mentors/mentee-note-list";
import { NoteGroup } from "@/components/notes/note-list";
import { StakeholderList } from "@/components/stakeholders/stakeholder-list";
import { dashboardWindow } from "@/lib/dashboard/windows";
import { buildDashboard } from "@/lib/dashboard/build";
import { redactDashboard, type Share } from "@/lib/mentoring/mentorship-model";
import type { StakeholderSummary } from "@/lib/stakeholders";
import type { VisionNoteSummary } from "@/lib/vision-notes";

const NOW = new Date("2026-11-24T10:00:00Z");

/** Three logged weeks under a 60% goal, one overdue stakeholder, one note to revisit; nothing logged this week. */
function dashboard() {
  const window = dashboardWindow("12w", { timeZone: "UTC", weekStartsOn: 1 }, NOW);
  const recent = ["2026-11-02", "2026-11-09", "2026-11-16"].map((week) => ({ week, firefighting: 600, strategy: 600, other: 0 }));
  return buildDashboard(
    window,
    {
      series: recent.map(({ week, ...minutes }) => ({ bucket: week, weeks: 1, ...minutes, ratingStrategy: 4, ratingStory: 3, ratingRelationships: 2, ratingVision: 5, ratedStrategy: 1, ratedStory: 1, ratedRelationships: 1, ratedVision: 1 })),
      recent,
      runStart: "2026-11-02",
      runEnd: "2026-11-16",
      underTargetRun: 3,
      anyEver: true,
      goalStrategySharePercent: 60,
      goalTouchpointsPerWeek: null,
      goalDepartments: [],
    },
    { series: [], thisWeek: 0, last4Weeks: 2, thisMonth: 2, monthDepartments: ["SALES"], overdueStakeholders: 1, anyEver: true },
    { series: [], dueForRevisit: 1, anyEver: true },
  );
}

const figures = (share?: Share) => {
  const model = share ? redactDashboard(dashboard(), share) : dashboard();
  return renderToStaticMarkup(<HeadlineFigures model={model} share={share} />);
};

describe("headline figures", () => {
  it("link the leader to what needs doing, measured against their own goal", () => {
    const html = figures();
    expect(html).toContain('href="/weeks/current"');
    expect(html).toContain('href="/stakeholders?overdue=1"');
    expect(html).toContain('href="/notes"');
    expect(html).toContain("Below your 60% goal · 3 weeks logged");
  });

  it("show a mentor only what is shared, without links into the mentor's own pages", () => {
    const nothingShared = figures({ reflections: false, stakeholders: false, notes: false, story: false });
    expect(nothingShared).not.toContain("<a ");
    expect(nothingShared).toContain("Not logged yet");
    expect(nothingShared).toContain("Below their 60% goal · 3 weeks logged");
    expect(nothingShared).not.toMatch(/Touchpoints this month|Overdue stakeholders|Vision notes to revisit/);

    const everythingShared = figures({ reflections: true, stakeholders: true, notes: true, story: false });
    expect(everythingShared).not.toContain("<a ");
    expect(everythingShared).toMatch(/Touchpoints this month.*Overdue stakeholders.*Vision notes to revisit/);
  });
});

const ada: StakeholderSummary = {
  id: "s1",
  name: "Ada Finance",
  department: "FINANCE",
  role: "CFO",
  cadenceDays: 14,
  lastMetOn: "2026-11-01",
  daysSinceLastMet: 23,
  dueOn: "2026-11-15",
  daysPastDue: 9,
  overdue: true,
};

describe("the stakeholder list", () => {
  it("opens each stakeholder from its row", () => {
    const html = renderToStaticMarkup(<StakeholderList stakeholders={[ada]} />);
    expect(html).toContain('href="/stakeholders/s1"');
    expect(html).toContain("CFO · Finance");
  });

  it("read-only, shows the same rows with nothing to open", () => {
    const html = renderToStaticMarkup(<StakeholderList stakeholders={[ada]} readOnly />);
    expect(html).not.toContain("<a ");
    expect(html).toContain("Ada Finance");
    expect(html).toContain("CFO · Finance");
    expect(html).toContain('data-testid="overdue"');
  });
});

const platformBet: VisionNoteSummary = {
  id: "n1",
  title: "Platform bet",
  horizon: "THREE_YEARS",
  tags: [],
  status: "OPEN",
  revisitOn: "2026-11-01",
  updatedAt: NOW,
  dueForRevisit: true,
};

describe("vision note cards", () => {
  it("open the leader's own note page", () => {
    const html = renderToStaticMarkup(<NoteGroup id="due" title="Due" notes={[platformBet]} />);
    expect(html).toContain('href="/notes/n1"');
  });

  it("open the mentee's note under /mentees for a mentor, marked due the same way", () => {
    const html = renderToStaticMarkup(<MenteeNoteList menteeId="m1" notes={[platformBet]} />);
    expect(html).toContain('href="/mentees/m1/notes/n1"');
    expect(html).not.toContain('href="/notes/');
    expect(html).toContain("Due for a revisit");
  });
});
