import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReviewThread } from "@/components/reviews/review-thread";
import type { Thread } from "@/lib/mentoring/comments";
import type { FormState } from "@/lib/shared/forms";

const actions = {
  add: async (state: FormState) => state,
  edit: async (state: FormState) => state,
  delete: async () => ({ ok: true, message: "" }),
};

function thread({ viewerIsMentee = true, othersCanRead = false, comments = 0 } = {}): Thread {
  return {
    thread: { menteeId: "ada", weekId: "week-1", noteId: null, viewerIsMentee },
    othersCanRead,
    comments: Array.from({ length: comments }, (_, i) => ({
      id: `c${i}`,
      body: "Strong week.",
      createdAt: new Date("2026-11-20T10:00:00Z"),
      editedAt: null,
      author: { id: "grace", name: "Grace", isMentee: false },
      mine: false,
    })),
  };
}

const render = (data: Thread) => renderToStaticMarkup(<ReviewThread data={data} timeZone="UTC" actions={actions} weekStartsOn="2026-11-16" />);

describe("the review thread", () => {
  it("offers the leader no reply box while nobody else reads the thread", () => {
    const html = render(thread());
    expect(html).toContain("No comments yet");
    expect(html).not.toContain("Post reply");
  });

  it("offers the leader a reply box once a mentor sees the thread, or once it has comments", () => {
    expect(render(thread({ othersCanRead: true }))).toContain("Post reply");
    expect(render(thread({ comments: 1 }))).toContain("Post reply");
  });

  it("always offers a mentor a comment box", () => {
    expect(render(thread({ viewerIsMentee: false, othersCanRead: true }))).toContain("Post comment");
  });
});
