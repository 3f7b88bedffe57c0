-- CreateEnum
CREATE TYPE "CalendarImportStatus" AS ENUM ('PENDING', 'CONFIRMED', 'UNDONE');

-- AlterTable
ALTER TABLE "Stakeholder" ADD COLUMN     "email" TEXT;

-- CreateTable
CREATE TABLE "CalendarRules" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "defaultCategory" TEXT NOT NULL DEFAULT 'other',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarRules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarImport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "CalendarImportStatus" NOT NULL DEFAULT 'PENDING',
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "occurrences" JSONB,
    "warnings" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "CalendarImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarImportWeek" (
    "importId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "created" BOOLEAN NOT NULL,
    "previousFirefightingMinutes" INTEGER NOT NULL,
    "previousStrategyMinutes" INTEGER NOT NULL,
    "previousOtherMinutes" INTEGER NOT NULL,
    "firefightingMinutes" INTEGER NOT NULL,
    "strategyMinutes" INTEGER NOT NULL,
    "otherMinutes" INTEGER NOT NULL,

    CONSTRAINT "CalendarImportWeek_pkey" PRIMARY KEY ("importId","startsOn")
);

-- CreateTable
CREATE TABLE "CalendarImportTouchpoint" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "stakeholderId" TEXT NOT NULL,
    "touchpointId" TEXT NOT NULL,
    "created" BOOLEAN NOT NULL,
    "previousOn" DATE,
    "previousChannel" "TouchpointChannel",
    "previousTopic" TEXT,

    CONSTRAINT "CalendarImportTouchpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarRules_userId_key" ON "CalendarRules"("userId");

-- CreateIndex
CREATE INDEX "CalendarImport_userId_createdAt_idx" ON "CalendarImport"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarImport_id_userId_key" ON "CalendarImport"("id", "userId");

-- CreateIndex
CREATE INDEX "CalendarImportWeek_userId_startsOn_idx" ON "CalendarImportWeek"("userId", "startsOn");

-- CreateIndex
CREATE INDEX "CalendarImportTouchpoint_userId_eventKey_stakeholderId_idx" ON "CalendarImportTouchpoint"("userId", "eventKey", "stakeholderId");

-- CreateIndex
CREATE INDEX "CalendarImportTouchpoint_touchpointId_idx" ON "CalendarImportTouchpoint"("touchpointId");

-- AddForeignKey
ALTER TABLE "CalendarRules" ADD CONSTRAINT "CalendarRules_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarImport" ADD CONSTRAINT "CalendarImport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarImportWeek" ADD CONSTRAINT "CalendarImportWeek_importId_userId_fkey" FOREIGN KEY ("importId", "userId") REFERENCES "CalendarImport"("id", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarImportTouchpoint" ADD CONSTRAINT "CalendarImportTouchpoint_importId_userId_fkey" FOREIGN KEY ("importId", "userId") REFERENCES "CalendarImport"("id", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarImportTouchpoint" ADD CONSTRAINT "CalendarImportTouchpoint_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
