-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Department" AS ENUM ('SALES', 'MARKETING', 'OPERATIONS', 'FINANCE', 'PRODUCT', 'CUSTOMER_SUCCESS', 'PEOPLE', 'LEGAL', 'EXECUTIVE', 'BOARD', 'OTHER');

-- CreateEnum
CREATE TYPE "TouchpointChannel" AS ENUM ('ONE_ON_ONE', 'MEETING', 'CALL', 'MESSAGE', 'SOCIAL', 'OTHER');

-- CreateEnum
CREATE TYPE "Horizon" AS ENUM ('QUARTER', 'ONE_YEAR', 'THREE_YEARS', 'FIVE_YEARS');

-- CreateEnum
CREATE TYPE "VisionNoteStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'REALISED', 'DROPPED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "timeZone" TEXT,
    "weekStartsOn" INTEGER NOT NULL DEFAULT 1,
    "goalStrategySharePercent" INTEGER,
    "goalTouchpointsPerWeek" INTEGER,
    "goalDepartments" "Department"[] DEFAULT ARRAY[]::"Department"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("provider","providerAccountId")
);

-- CreateTable
CREATE TABLE "Session" (
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "Week" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "firefightingMinutes" INTEGER NOT NULL DEFAULT 0,
    "strategyMinutes" INTEGER NOT NULL DEFAULT 0,
    "otherMinutes" INTEGER NOT NULL DEFAULT 0,
    "reflectionStrategy" TEXT,
    "reflectionStory" TEXT,
    "reflectionRelationships" TEXT,
    "reflectionVision" TEXT,
    "ratingStrategy" INTEGER,
    "ratingStory" INTEGER,
    "ratingRelationships" INTEGER,
    "ratingVision" INTEGER,
    "highlights" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Week_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stakeholder" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT,
    "department" "Department" NOT NULL,
    "cadenceDays" INTEGER,
    "notes" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Stakeholder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Touchpoint" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stakeholderId" TEXT,
    "department" "Department" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "channel" "TouchpointChannel" NOT NULL,
    "topic" TEXT NOT NULL,
    "outcome" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Touchpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisionNote" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "horizon" "Horizon" NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "VisionNoteStatus" NOT NULL DEFAULT 'OPEN',
    "revisitOn" DATE,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisionNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisionNoteRevisit" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,
    "revisitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisionNoteRevisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Week_userId_startsOn_key" ON "Week"("userId", "startsOn");

-- CreateIndex
CREATE INDEX "Stakeholder_userId_deletedAt_idx" ON "Stakeholder"("userId", "deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Stakeholder_id_userId_key" ON "Stakeholder"("id", "userId");

-- CreateIndex
CREATE INDEX "Touchpoint_userId_occurredOn_idx" ON "Touchpoint"("userId", "occurredOn");

-- CreateIndex
CREATE INDEX "Touchpoint_stakeholderId_idx" ON "Touchpoint"("stakeholderId");

-- CreateIndex
CREATE INDEX "VisionNote_userId_deletedAt_idx" ON "VisionNote"("userId", "deletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "VisionNote_id_userId_key" ON "VisionNote"("id", "userId");

-- CreateIndex
CREATE INDEX "VisionNoteRevisit_userId_revisitedAt_idx" ON "VisionNoteRevisit"("userId", "revisitedAt");

-- CreateIndex
CREATE INDEX "VisionNoteRevisit_noteId_idx" ON "VisionNoteRevisit"("noteId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Week" ADD CONSTRAINT "Week_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_stakeholderId_userId_fkey" FOREIGN KEY ("stakeholderId", "userId") REFERENCES "Stakeholder"("id", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisionNote" ADD CONSTRAINT "VisionNote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisionNoteRevisit" ADD CONSTRAINT "VisionNoteRevisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisionNoteRevisit" ADD CONSTRAINT "VisionNoteRevisit_noteId_userId_fkey" FOREIGN KEY ("noteId", "userId") REFERENCES "VisionNote"("id", "userId") ON DELETE CASCADE ON UPDATE CASCADE;
