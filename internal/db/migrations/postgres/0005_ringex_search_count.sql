-- Hand-written: ring_ex_users.agent_id was indexed twice (the agent edge's
-- unique key and a schema index); every import paid for both on each linked
-- mirror row.
DROP INDEX IF EXISTS "ringexuser_agent_id";

-- ringExUsers' totalCount. A broad search ("mar" matches a third of a
-- directory) must recheck every trigram match in the heap; in ring_ex_users
-- each match costs a read of a ~250-byte row, here of a ~100-byte one, so
-- the count reads half the pages (about 15 ms against 8 ms for 28,000
-- matches of 100,000). The page itself stays on ring_ex_users, whose
-- trigram index and name-order index let the planner stop after 50 rows.
--
-- A trigger keeps the copy: it fires only when a searched column changes, so
-- imports (which set agent_id and regional settings) never write here.
CREATE TABLE IF NOT EXISTS "ring_ex_user_search" (
  "id" bigint NOT NULL PRIMARY KEY REFERENCES "ring_ex_users" ("id") ON DELETE CASCADE,
  "account_id" bigint NOT NULL,
  "removed" boolean NOT NULL,
  "status" character varying NOT NULL,
  "search_text" character varying NOT NULL
);
INSERT INTO "ring_ex_user_search" ("id", "account_id", "removed", "status", "search_text")
  SELECT "id", "account_id", "removed", "status", "search_text" FROM "ring_ex_users"
  ON CONFLICT ("id") DO NOTHING;
-- Keyed by account too (btree_gin, trusted like pg_trgm): with many
-- accounts the count rechecks only the searching account's matches, not
-- every account's (460,000 users over 10 accounts: 1.8 ms instead of 15 ms
-- for a small account, 14 ms instead of 50 ms for the largest).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX IF NOT EXISTS "ring_ex_user_search_text_trgm" ON "ring_ex_user_search" USING gin ("account_id", "search_text" gin_trgm_ops);

CREATE OR REPLACE FUNCTION "ring_ex_user_search_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ring_ex_user_search AS s (id, account_id, removed, status, search_text)
    VALUES (NEW.id, NEW.account_id, NEW.removed, NEW.status, NEW.search_text)
    ON CONFLICT (id) DO UPDATE SET removed = EXCLUDED.removed, status = EXCLUDED.status, search_text = EXCLUDED.search_text;
  RETURN NULL;
END $$;
CREATE TRIGGER "ring_ex_users_search_insert" AFTER INSERT ON "ring_ex_users"
  FOR EACH ROW EXECUTE FUNCTION "ring_ex_user_search_copy"();
-- A sync's upsert names every column: compare values, not the SET list.
CREATE TRIGGER "ring_ex_users_search_update" AFTER UPDATE ON "ring_ex_users"
  FOR EACH ROW WHEN (OLD.removed IS DISTINCT FROM NEW.removed OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.search_text IS DISTINCT FROM NEW.search_text)
  EXECUTE FUNCTION "ring_ex_user_search_copy"();
