-- CreateTable
CREATE TABLE "StoryShareLink" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "label" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "lastViewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StoryShareLink_tokenHash_key" ON "StoryShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "StoryShareLink_userId_quarter_idx" ON "StoryShareLink"("userId", "quarter");

-- AddForeignKey
ALTER TABLE "StoryShareLink" ADD CONSTRAINT "StoryShareLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
