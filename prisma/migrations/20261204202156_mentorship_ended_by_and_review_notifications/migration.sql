-- AlterTable
ALTER TABLE "Mentorship" ADD COLUMN     "endedByMentor" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "reviewMentorshipId" TEXT,
ADD COLUMN     "reviewWeekId" TEXT,
ALTER COLUMN "commentId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Notification_reviewMentorshipId_reviewWeekId_key" ON "Notification"("reviewMentorshipId", "reviewWeekId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reviewMentorshipId_reviewWeekId_fkey" FOREIGN KEY ("reviewMentorshipId", "reviewWeekId") REFERENCES "WeekReview"("mentorshipId", "weekId") ON DELETE CASCADE ON UPDATE CASCADE;
