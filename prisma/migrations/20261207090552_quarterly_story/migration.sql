-- AlterTable
ALTER TABLE "Touchpoint" ADD COLUMN     "notable" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "VisionNote" ADD COLUMN     "statusChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Mentorship" ADD COLUMN     "shareStory" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "StoryNarrative" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoryNarrative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryRating" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "habit" TEXT NOT NULL,
    "rater" TEXT NOT NULL,
    "mentorshipId" TEXT,
    "rating" INTEGER NOT NULL,
    "evidence" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoryRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StoryNarrative_userId_quarter_key" ON "StoryNarrative"("userId", "quarter");

-- CreateIndex
CREATE INDEX "StoryRating_mentorshipId_idx" ON "StoryRating"("mentorshipId");

-- CreateIndex
CREATE UNIQUE INDEX "StoryRating_userId_quarter_habit_rater_key" ON "StoryRating"("userId", "quarter", "habit", "rater");

-- AddForeignKey
ALTER TABLE "StoryNarrative" ADD CONSTRAINT "StoryNarrative_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryRating" ADD CONSTRAINT "StoryRating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryRating" ADD CONSTRAINT "StoryRating_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE CASCADE ON UPDATE CASCADE;
