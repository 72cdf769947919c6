-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_import_results" table
CREATE TABLE `new_import_results` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `account_id` integer NOT NULL, `ringex_id` integer NOT NULL, `name` text NOT NULL DEFAULT (''), `email` text NOT NULL DEFAULT (''), `username` text NOT NULL DEFAULT (''), `outcome` text NOT NULL, `code` text NOT NULL DEFAULT (''), `message` text NOT NULL DEFAULT (''), `timezone` text NOT NULL DEFAULT (''), `timezone_match` text NOT NULL DEFAULT (''), `language` text NOT NULL DEFAULT (''), `language_match` text NOT NULL DEFAULT (''), `updated_at` datetime NOT NULL, `job_id` integer NOT NULL, `agent_id` integer NULL, CONSTRAINT `import_results_import_jobs_results` FOREIGN KEY (`job_id`) REFERENCES `import_jobs` (`id`) ON DELETE CASCADE, CONSTRAINT `import_results_agents_agent` FOREIGN KEY (`agent_id`) REFERENCES `agents` (`id`) ON DELETE SET NULL);
-- Set sequence for "new_import_results" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_import_results", 38654705664);
-- Copy rows from old table "import_results" to new temporary table "new_import_results"
INSERT INTO `new_import_results` (`id`, `account_id`, `ringex_id`, `name`, `email`, `username`, `outcome`, `code`, `message`, `timezone`, `timezone_match`, `language`, `language_match`, `updated_at`, `job_id`, `agent_id`) SELECT `id`, `account_id`, `ringex_id`, `name`, `email`, `username`, `outcome`, `code`, `message`, `timezone`, `timezone_match`, `language`, `language_match`, `updated_at`, `job_id`, `agent_id` FROM `import_results`;
-- Drop "import_results" table after copying rows
DROP TABLE `import_results`;
-- Rename temporary table "new_import_results" to "import_results"
ALTER TABLE `new_import_results` RENAME TO `import_results`;
-- Create index "importresult_job_id_ringex_id" to table: "import_results"
CREATE UNIQUE INDEX `importresult_job_id_ringex_id` ON `import_results` (`job_id`, `ringex_id`);
-- Create index "importresult_job_id_outcome" to table: "import_results"
CREATE INDEX `importresult_job_id_outcome` ON `import_results` (`job_id`, `outcome`);
-- Create "import_users" table
CREATE TABLE `import_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `ringex_ids` json NOT NULL, `job_id` integer NOT NULL, CONSTRAINT `import_users_import_jobs_users` FOREIGN KEY (`job_id`) REFERENCES `import_jobs` (`id`) ON DELETE CASCADE);
-- Set sequence for "import_users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("import_users", 77309411328);
-- Create index "import_users_job_id_key" to table: "import_users"
CREATE UNIQUE INDEX `import_users_job_id_key` ON `import_users` (`job_id`);
-- Hand-written: jobs still queued or running keep their users, in the order
-- of their PENDING results, which then go (results are written once now).
INSERT INTO `import_users` (`job_id`, `ringex_ids`)
  SELECT `job_id`, json_group_array(`ringex_id`) FROM (
    SELECT r.`job_id`, r.`ringex_id` FROM `import_results` AS r JOIN `import_jobs` AS j ON j.`id` = r.`job_id`
    WHERE j.`status` IN ('QUEUED', 'RUNNING') ORDER BY r.`job_id`, r.`id`)
  GROUP BY `job_id`;
DELETE FROM `import_results` WHERE `outcome` = 'PENDING';
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
