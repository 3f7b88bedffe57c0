-- AlterTable
ALTER TABLE "CalendarImport" ADD COLUMN     "feedId" TEXT;

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addressSealed" TEXT NOT NULL,
    "addressDigest" TEXT NOT NULL,
    "addressHint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activeSince" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastRefreshedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CalendarFeed_activeSince_lastAttemptAt_idx" ON "CalendarFeed"("activeSince", "lastAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_userId_addressDigest_key" ON "CalendarFeed"("userId", "addressDigest");

-- CreateIndex
CREATE INDEX "CalendarImport_feedId_idx" ON "CalendarImport"("feedId");

-- AddForeignKey
ALTER TABLE "CalendarImport" ADD CONSTRAINT "CalendarImport_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "CalendarFeed"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
