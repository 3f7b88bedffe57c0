-- CreateIndex
CREATE INDEX "Stakeholder_deletedAt_idx" ON "Stakeholder"("deletedAt") WHERE ("deletedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Touchpoint_deletedAt_idx" ON "Touchpoint"("deletedAt") WHERE ("deletedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "VisionNote_deletedAt_idx" ON "VisionNote"("deletedAt") WHERE ("deletedAt" IS NOT NULL);
