import type { Share } from "@/lib/mentoring/mentorship-model";

const CHOICES = [
  { name: "shareReflections", key: "reflections", label: "Reflections and self-ratings", help: "Your answers to the weekly questions, highlights and 1–5 ratings." },
  { name: "shareStakeholders", key: "stakeholders", label: "Stakeholders and touchpoints", help: "Who you meet across the company, and what came of it." },
  { name: "shareNotes", key: "notes", label: "Vision notes", help: "Your notes, and comments on them." },
  {
    name: "shareStory",
    key: "story",
    label: "Quarterly story",
    help: "Your narrative and self-assessment for each quarter, with what else you share. Your mentor can add their own ratings beside yours.",
  },
] as const;

/** The leader's sharing choices; the time split and dashboard are always shared. */
export function SharingFields({ share, idPrefix = "" }: { share: Share; idPrefix?: string }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">What your mentor sees</legend>
      <p className="mb-3 text-sm text-muted">Your time split and dashboard, always. Choose the rest; you can change it later and it applies at once.</p>
      <div className="space-y-3">
        {CHOICES.map((choice) => {
          const id = `${idPrefix}field-${choice.name}`;
          return (
            <div key={choice.name} className="flex items-start gap-3">
              <input
                id={id}
                type="checkbox"
                name={choice.name}
                defaultChecked={share[choice.key]}
                aria-describedby={`${id}-help`}
                className="mt-1 size-4 shrink-0 accent-accent"
              />
              <div>
                <label htmlFor={id} className="text-sm font-medium">
                  {choice.label}
                </label>
                <p id={`${id}-help`} className="text-sm text-muted">
                  {choice.help}
                </p>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
