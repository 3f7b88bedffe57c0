-- AlterTable
ALTER TABLE "Week" ADD COLUMN     "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("highlights", '')), 'A') || setweight(to_tsvector('english', coalesce("reflectionStrategy", '') || ' ' || coalesce("reflectionStory", '') || ' ' || coalesce("reflectionRelationships", '') || ' ' || coalesce("reflectionVision", '')), 'B')) STORED;

-- AlterTable
ALTER TABLE "Stakeholder" ADD COLUMN     "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', "name"), 'A') || setweight(to_tsvector('english', coalesce("role", '')), 'B') || setweight(to_tsvector('english', coalesce("notes", '')), 'C')) STORED;

-- AlterTable
ALTER TABLE "Touchpoint" ADD COLUMN     "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', "topic"), 'A') || setweight(to_tsvector('english', coalesce("outcome", '')), 'B')) STORED;

-- AlterTable
ALTER TABLE "VisionNote" ADD COLUMN     "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', coalesce("tags"[1], '') || ' ' || coalesce("tags"[2], '') || ' ' || coalesce("tags"[3], '') || ' ' || coalesce("tags"[4], '') || ' ' || coalesce("tags"[5], '') || ' ' || coalesce("tags"[6], '') || ' ' || coalesce("tags"[7], '') || ' ' || coalesce("tags"[8], '') || ' ' || coalesce("tags"[9], '') || ' ' || coalesce("tags"[10], '')), 'A') || setweight(to_tsvector('english', "body"), 'B')) STORED;

-- CreateIndex
CREATE INDEX "Week_search_idx" ON "Week" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Stakeholder_search_idx" ON "Stakeholder" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Touchpoint_search_idx" ON "Touchpoint" USING GIN ("search");

-- CreateIndex
CREATE INDEX "VisionNote_search_idx" ON "VisionNote" USING GIN ("search");
