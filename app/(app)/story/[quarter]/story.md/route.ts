import { recordAudit } from "@/lib/server/audit";
import { requireViewer } from "@/lib/server/viewer";
import { quarterKeySchema } from "@/lib/shared/quarters";
import { storyMarkdownFileName, storyMarkdownResponse } from "@/lib/story/markdown";
import { getStoryPack } from "@/lib/story/pack";

/** The leader's pack of a quarter as a Markdown file, for pasting into an email or a document. */
export async function GET(_request: Request, { params }: { params: Promise<{ quarter: string }> }) {
  const quarter = quarterKeySchema.safeParse((await params).quarter);
  if (!quarter.success) return new Response("Not found", { status: 404 });
  const viewer = await requireViewer();
  const pack = await getStoryPack(viewer, quarter.data);
  if (!pack) return new Response("Not found", { status: 404 });
  await recordAudit({ userId: viewer.userId, action: "export", detail: { file: storyMarkdownFileName(pack) } });
  return storyMarkdownResponse(pack);
}
