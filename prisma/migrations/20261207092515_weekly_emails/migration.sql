-- CreateEnum
CREATE TYPE "WeeklyEmailKind" AS ENUM ('WEEK_REMINDER', 'MENTOR_DIGEST');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailCommentDigest" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailMentorDigest" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "emailWeekReminder" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "weeklyEmailDay" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "weeklyEmailDueAt" TIMESTAMP(3),
ADD COLUMN     "weeklyEmailMinute" INTEGER NOT NULL DEFAULT 960;

-- CreateTable
CREATE TABLE "WeeklyEmail" (
    "userId" TEXT NOT NULL,
    "kind" "WeeklyEmailKind" NOT NULL,
    "week" DATE NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WeeklyEmail_pkey" PRIMARY KEY ("userId","kind","week")
);

-- CreateIndex
CREATE INDEX "User_weeklyEmailDueAt_idx" ON "User"("weeklyEmailDueAt");

-- AddForeignKey
ALTER TABLE "WeeklyEmail" ADD CONSTRAINT "WeeklyEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
