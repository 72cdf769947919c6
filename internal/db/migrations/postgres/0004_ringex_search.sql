-- Hand-written: the import picker's search (ringExUsers) on PostgreSQL.
--
-- (Tried and left out: btree_gin (account_id, search_text) reads the whole
-- account's postings for its account_id key, more than it saves for a large
-- directory; fastupdate = off on the trigram index makes a 50,000-user sync
-- ten times slower. A sync merges the index's pending list instead.)
--
-- totalCount of a broad search ("mar" matches a third of a directory)
-- rechecks every match, so internal/directory caches counts per account and
-- mirror version. The version moves at commit of every transaction that
-- wrote the account's mirror rows (sync, import, agent deletion); bumping at
-- commit (a deferred trigger, once per account and transaction) keeps the
-- version row locked only for the commit, so concurrent writers cannot
-- deadlock on it.
CREATE TABLE IF NOT EXISTS "ring_ex_mirror_versions" ("account_id" bigint NOT NULL PRIMARY KEY, "version" bigint NOT NULL DEFAULT 0);
CREATE OR REPLACE FUNCTION "ring_ex_mirror_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  acct bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.account_id ELSE NEW.account_id END;
  flag text := 'switchboard.ringex_bumped_' || acct;
BEGIN
  IF coalesce(current_setting(flag, true), '') = '' THEN
    PERFORM set_config(flag, '1', true);
    INSERT INTO ring_ex_mirror_versions AS v (account_id, version) VALUES (acct, 1)
      ON CONFLICT (account_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "ring_ex_users_mirror_version" AFTER INSERT OR UPDATE OR DELETE ON "ring_ex_users"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ring_ex_mirror_bump"();
