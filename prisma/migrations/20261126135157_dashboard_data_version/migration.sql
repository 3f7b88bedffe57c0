-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dataVersion" TEXT NOT NULL DEFAULT '0';

-- Written by hand: the triggers that keep "dataVersion" true (docs/decisions/012-dashboard-cache.md).
-- Every statement that writes a row the dashboard reads stamps the rows' owners
-- with its transaction's id, in the same transaction, so a cached dashboard is
-- never older than the data it shows, whichever code path (or psql) wrote it.
-- Transaction ids never repeat, so a stamp also never matches another user's.
CREATE FUNCTION "stamp_dashboard_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "User" SET "dataVersion" = pg_current_xact_id()::text WHERE id IN (SELECT "userId" FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "User" SET "dataVersion" = pg_current_xact_id()::text WHERE id IN (SELECT "userId" FROM old_rows);
  ELSE
    UPDATE "User" SET "dataVersion" = pg_current_xact_id()::text
    WHERE id IN (SELECT "userId" FROM old_rows UNION SELECT "userId" FROM new_rows);
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['Week', 'Touchpoint', 'Stakeholder', 'VisionNote', 'VisionNoteRevisit'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stamp_dashboard_data_version"()', tbl || '_stamp_insert', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stamp_dashboard_data_version"()', tbl || '_stamp_update', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stamp_dashboard_data_version"()', tbl || '_stamp_delete', tbl);
  END LOOP;
END
$$;
