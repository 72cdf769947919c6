-- Hand-written: ringExUsers counts filtered on "imported" are cached per
-- mirror version too (internal/directory/count.go). Since 0006 a user is
-- imported when an agent of its account carries its RingEX id, so creating
-- or deleting such an agent moves the version, at commit like a mirror
-- write (ring_ex_mirror_bump, 0004: once per account and transaction).
CREATE CONSTRAINT TRIGGER "agents_imported_version_insert" AFTER INSERT ON "agents"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.ringex_extension_id IS NOT NULL)
  EXECUTE FUNCTION "ring_ex_mirror_bump"();
CREATE CONSTRAINT TRIGGER "agents_imported_version_delete" AFTER DELETE ON "agents"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.ringex_extension_id IS NOT NULL)
  EXECUTE FUNCTION "ring_ex_mirror_bump"();
