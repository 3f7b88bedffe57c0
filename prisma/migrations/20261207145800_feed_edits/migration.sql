-- AlterTable
ALTER TABLE "CalendarImportWeek" ADD COLUMN     "previousUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "writtenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CalendarImportTouchpoint" ADD COLUMN     "previousDeletedAt" TIMESTAMP(3),
ADD COLUMN     "previousUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "writtenAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CalendarImport_status_createdAt_idx" ON "CalendarImport"("status", "createdAt");

-- Weeks imported before this migration count as imported while their hours are still those written,
-- as they did: they get the week's stamp. Touchpoints stay unknown (a refresh never changes them).
UPDATE "CalendarImportWeek" iw SET "writtenAt" = w."updatedAt"
FROM "Week" w
WHERE w."userId" = iw."userId" AND w."startsOn" = iw."startsOn"
  AND w."firefightingMinutes" = iw."firefightingMinutes" AND w."strategyMinutes" = iw."strategyMinutes" AND w."otherMinutes" = iw."otherMinutes";
