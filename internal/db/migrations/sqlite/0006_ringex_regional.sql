-- Generated, then reordered by hand: ring_ex_regionals is created and
-- filled from ring_ex_users before that table is rebuilt without its
-- regional columns and agent_id (see the PostgreSQL file).
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "ring_ex_regionals" table
CREATE TABLE `ring_ex_regionals` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `ringex_id` integer NOT NULL, `timezone_name` text NOT NULL DEFAULT (''), `timezone_bias` text NOT NULL DEFAULT (''), `locale_code` text NOT NULL DEFAULT (''), `synced_at` datetime NOT NULL, `account_id` integer NOT NULL, CONSTRAINT `ring_ex_regionals_accounts_ringex_regionals` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE);
-- Set sequence for "ring_ex_regionals" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("ring_ex_regionals", 73014444032);
-- Create index "ringexregional_account_id_ringex_id" to table: "ring_ex_regionals"
CREATE UNIQUE INDEX `ringexregional_account_id_ringex_id` ON `ring_ex_regionals` (`account_id`, `ringex_id`);
-- Keep what imports have read so far (hand-written).
INSERT INTO `ring_ex_regionals` (`ringex_id`, `timezone_name`, `timezone_bias`, `locale_code`, `synced_at`, `account_id`)
  SELECT `ringex_id`, coalesce(`timezone_name`, ''), coalesce(`timezone_bias`, ''), coalesce(`locale_code`, ''),
    coalesce(`regional_synced_at`, `synced_at`), `account_id`
  FROM `ring_ex_users`
  WHERE `regional_synced_at` IS NOT NULL OR `timezone_name` IS NOT NULL OR `locale_code` IS NOT NULL;
-- Create "new_ring_ex_users" table
CREATE TABLE `new_ring_ex_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `ringex_id` integer NOT NULL, `extension_number` text NOT NULL DEFAULT (''), `first_name` text NOT NULL DEFAULT (''), `last_name` text NOT NULL DEFAULT (''), `email` text NOT NULL DEFAULT (''), `login` text NOT NULL DEFAULT (''), `status` text NOT NULL, `hidden` bool NOT NULL DEFAULT (false), `removed` bool NOT NULL DEFAULT (false), `removed_at` datetime NULL, `search_text` text NOT NULL DEFAULT (''), `synced_at` datetime NOT NULL, `account_id` integer NOT NULL, CONSTRAINT `ring_ex_users_accounts_ringex_users` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE);
-- Set sequence for "new_ring_ex_users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_ring_ex_users", 51539607552);
-- Copy rows from old table "ring_ex_users" to new temporary table "new_ring_ex_users"
INSERT INTO `new_ring_ex_users` (`id`, `ringex_id`, `extension_number`, `first_name`, `last_name`, `email`, `login`, `status`, `hidden`, `removed`, `removed_at`, `search_text`, `synced_at`, `account_id`) SELECT `id`, `ringex_id`, `extension_number`, `first_name`, `last_name`, `email`, `login`, `status`, `hidden`, `removed`, `removed_at`, `search_text`, `synced_at`, `account_id` FROM `ring_ex_users`;
-- Drop "ring_ex_users" table after copying rows
DROP TABLE `ring_ex_users`;
-- Rename temporary table "new_ring_ex_users" to "ring_ex_users"
ALTER TABLE `new_ring_ex_users` RENAME TO `ring_ex_users`;
-- Create index "ringexuser_account_id_ringex_id" to table: "ring_ex_users"
CREATE UNIQUE INDEX `ringexuser_account_id_ringex_id` ON `ring_ex_users` (`account_id`, `ringex_id`);
-- Create index "ringexuser_account_id_last_name_first_name" to table: "ring_ex_users"
CREATE INDEX `ringexuser_account_id_last_name_first_name` ON `ring_ex_users` (`account_id`, `last_name`, `first_name`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
