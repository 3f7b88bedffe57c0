import { exportCsv } from "@/lib/account/export";
import { csvFileSchema } from "@/lib/account/account.validation";
import { recordAudit } from "@/lib/server/audit";
import { requireViewer } from "@/lib/server/viewer";

// A download changes none of the user's data; the audit line is a log of it.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const parsed = csvFileSchema.safeParse((await params).file);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  const viewer = await requireViewer();
  const csv = await exportCsv(viewer, parsed.data);
  await recordAudit({ userId: viewer.userId, action: "export", detail: { file: parsed.data } });
  // The byte order mark tells Excel the file is UTF-8.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="wheelhouse-${parsed.data}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
