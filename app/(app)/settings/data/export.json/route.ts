import { exportAccount } from "@/lib/account/export";
import { recordAudit } from "@/lib/server/audit";
import { toDateOnly } from "@/lib/shared/dates";
import { requireViewer } from "@/lib/server/viewer";

// A download changes none of the user's data; the audit line is a log of it.
export async function GET() {
  const viewer = await requireViewer();
  const data = await exportAccount(viewer);
  await recordAudit({ userId: viewer.userId, action: "export", detail: { file: "export.json" } });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="wheelhouse-export-${toDateOnly(new Date())}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
