-- Hand-written: directory search (ILIKE '%text%' over ring_ex_users.search_text)
-- uses a trigram index on PostgreSQL. ent cannot express operator-class GIN
-- indexes on an extension, so this file follows the generated 0001_init.
-- pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Create index "ringexuser_search_text_trgm" to table: "ring_ex_users"
CREATE INDEX IF NOT EXISTS "ringexuser_search_text_trgm" ON "ring_ex_users" USING gin ("search_text" gin_trgm_ops);
