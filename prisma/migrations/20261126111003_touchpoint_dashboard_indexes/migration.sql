-- DropIndex
DROP INDEX "Touchpoint_userId_occurredOn_idx";

-- DropIndex
DROP INDEX "Touchpoint_stakeholderId_idx";

-- CreateIndex
CREATE INDEX "Touchpoint_userId_deletedAt_occurredOn_department_idx" ON "Touchpoint"("userId", "deletedAt", "occurredOn", "department");

-- CreateIndex
CREATE INDEX "Touchpoint_stakeholderId_occurredOn_idx" ON "Touchpoint"("stakeholderId", "occurredOn");
