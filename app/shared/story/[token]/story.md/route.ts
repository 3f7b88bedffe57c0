import { getSharedStoryPack } from "@/lib/story/share-links";
import { storyMarkdownResponse } from "@/lib/story/markdown";

/** The shared pack as a Markdown file: that pack only, and only while the link works. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const shared = await getSharedStoryPack((await params).token, { as: "markdown" });
  if (shared.kind === "limited") return new Response("Too many tries. Try again later.", { status: 429, headers: { "Retry-After": String(shared.retryAfterSeconds) } });
  if (shared.kind === "invalid") return new Response("This link does not work.", { status: 404 });
  return storyMarkdownResponse(shared.pack);
}
