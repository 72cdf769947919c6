-- Create "api_tokens" table
CREATE TABLE `api_tokens` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `token_hash` text NOT NULL, `prefix` text NOT NULL, `scope` text NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NULL, `revoked_at` datetime NULL, `last_used_at` datetime NULL, `account_id` integer NOT NULL, `user_id` integer NOT NULL, CONSTRAINT `api_tokens_accounts_api_tokens` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE, CONSTRAINT `api_tokens_console_users_api_tokens` FOREIGN KEY (`user_id`) REFERENCES `console_users` (`id`) ON DELETE CASCADE);
-- Create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX `api_tokens_token_hash_key` ON `api_tokens` (`token_hash`);
-- Create "accounts" table
CREATE TABLE `accounts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `default_timezone` text NOT NULL DEFAULT ('UTC'), `default_language` text NOT NULL DEFAULT ('en-US'), `international_enabled` bool NOT NULL DEFAULT (false), `international_countries` json NULL, `wfm_type` text NOT NULL DEFAULT ('NONE'), `wfm_endpoint` text NULL, `wfm_enabled` bool NOT NULL DEFAULT (false), `max_break_minutes` integer NOT NULL DEFAULT (15), `max_lunch_minutes` integer NOT NULL DEFAULT (60), `leaver_policy` text NOT NULL DEFAULT ('FLAG_ONLY'), `archived` bool NOT NULL DEFAULT (false), CONSTRAINT `account_break_minutes` CHECK (max_break_minutes >= 0 AND max_break_minutes <= 240), CONSTRAINT `account_lunch_minutes` CHECK (max_lunch_minutes >= 0 AND max_lunch_minutes <= 240));
-- Set sequence for "accounts" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("accounts", 4294967296);
-- Create index "accounts_name_key" to table: "accounts"
CREATE UNIQUE INDEX `accounts_name_key` ON `accounts` (`name`);
-- Create "agents" table
CREATE TABLE `agents` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `first_name` text NOT NULL, `last_name` text NOT NULL, `email` text NOT NULL, `username` text NOT NULL, `password_hash` text NULL, `timezone` text NOT NULL, `language` text NOT NULL, `enabled` bool NOT NULL DEFAULT (true), `source` text NOT NULL DEFAULT ('MANUAL'), `ringex_extension_id` integer NULL, `ringex_status` text NULL, `last_signed_in_at` datetime NULL, `account_id` integer NOT NULL, `role_id` integer NOT NULL, CONSTRAINT `agents_accounts_agents` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE, CONSTRAINT `agents_roles_agents` FOREIGN KEY (`role_id`) REFERENCES `roles` (`id`) ON DELETE NO ACTION, CONSTRAINT `agent_source_link` CHECK ((source = 'RINGEX') = (ringex_extension_id IS NOT NULL)), CONSTRAINT `agent_username_lower` CHECK (username = lower(username)));
-- Set sequence for "agents" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("agents", 8589934592);
-- Create index "agents_username_key" to table: "agents"
CREATE UNIQUE INDEX `agents_username_key` ON `agents` (`username`);
-- Create index "agent_account_id_ringex_extension_id" to table: "agents"
CREATE UNIQUE INDEX `agent_account_id_ringex_extension_id` ON `agents` (`account_id`, `ringex_extension_id`);
-- Create index "agent_account_id_last_name_first_name" to table: "agents"
CREATE INDEX `agent_account_id_last_name_first_name` ON `agents` (`account_id`, `last_name`, `first_name`);
-- Create index "agent_account_id_created_at" to table: "agents"
CREATE INDEX `agent_account_id_created_at` ON `agents` (`account_id`, `created_at`);
-- Create "agent_sessions" table
CREATE TABLE `agent_sessions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `token_hash` text NOT NULL, `started_at` datetime NOT NULL, `state_changed_at` datetime NOT NULL, `last_seen_at` datetime NOT NULL, `ended_at` datetime NULL, `end_reason` text NULL, `client` text NULL, `account_id` integer NOT NULL, `agent_id` integer NOT NULL, `state_id` integer NULL, CONSTRAINT `agent_sessions_accounts_agent_sessions` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE, CONSTRAINT `agent_sessions_agents_sessions` FOREIGN KEY (`agent_id`) REFERENCES `agents` (`id`) ON DELETE CASCADE, CONSTRAINT `agent_sessions_agent_states_state` FOREIGN KEY (`state_id`) REFERENCES `agent_states` (`id`) ON DELETE SET NULL);
-- Set sequence for "agent_sessions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("agent_sessions", 12884901888);
-- Create index "agent_sessions_token_hash_key" to table: "agent_sessions"
CREATE UNIQUE INDEX `agent_sessions_token_hash_key` ON `agent_sessions` (`token_hash`);
-- Create index "agentsession_agent_id" to table: "agent_sessions"
CREATE UNIQUE INDEX `agentsession_agent_id` ON `agent_sessions` (`agent_id`) WHERE ended_at IS NULL;
-- Create index "agentsession_account_id_ended_at" to table: "agent_sessions"
CREATE INDEX `agentsession_account_id_ended_at` ON `agent_sessions` (`account_id`, `ended_at`);
-- Create "agent_states" table
CREATE TABLE `agent_states` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `label` text NOT NULL, `base_state` text NOT NULL, `selectable` bool NOT NULL DEFAULT (true), `active` bool NOT NULL DEFAULT (true), `rank` integer NOT NULL DEFAULT (0), `account_id` integer NOT NULL, CONSTRAINT `agent_states_accounts_agent_states` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE);
-- Set sequence for "agent_states" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("agent_states", 17179869184);
-- Create index "agentstate_account_id_label" to table: "agent_states"
CREATE UNIQUE INDEX `agentstate_account_id_label` ON `agent_states` (`account_id`, `label`);
-- Create index "agentstate_account_id_rank" to table: "agent_states"
CREATE INDEX `agentstate_account_id_rank` ON `agent_states` (`account_id`, `rank`);
-- Create "audit_events" table
CREATE TABLE `audit_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `actor_user_id` integer NULL, `actor_token_id` integer NULL, `actor` text NOT NULL, `action` text NOT NULL, `target_type` text NULL, `target_id` text NULL, `changes` json NULL, `created_at` datetime NOT NULL, `account_id` integer NULL, CONSTRAINT `audit_events_accounts_audit_events` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE);
-- Set sequence for "audit_events" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("audit_events", 21474836480);
-- Create index "auditevent_account_id_created_at" to table: "audit_events"
CREATE INDEX `auditevent_account_id_created_at` ON `audit_events` (`account_id`, `created_at`);
-- Create index "auditevent_actor_user_id" to table: "audit_events"
CREATE INDEX `auditevent_actor_user_id` ON `audit_events` (`actor_user_id`);
-- Create "categories" table
CREATE TABLE `categories` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `color` text NOT NULL DEFAULT ('BLUE'), `depth` integer NOT NULL DEFAULT (1), `account_id` integer NOT NULL, `parent_id` integer NULL, CONSTRAINT `categories_accounts_categories` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE, CONSTRAINT `categories_categories_children` FOREIGN KEY (`parent_id`) REFERENCES `categories` (`id`) ON DELETE SET NULL, CONSTRAINT `category_depth` CHECK (depth >= 1 AND depth <= 6));
-- Set sequence for "categories" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("categories", 25769803776);
-- Create index "category_account_id_name" to table: "categories"
CREATE UNIQUE INDEX `category_account_id_name` ON `categories` (`account_id`, `name`);
-- Create index "category_parent_id" to table: "categories"
CREATE INDEX `category_parent_id` ON `categories` (`parent_id`);
-- Create "console_users" table
CREATE TABLE `console_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `name` text NOT NULL, `password_hash` text NOT NULL, `platform_admin` bool NOT NULL DEFAULT (false), `disabled` bool NOT NULL DEFAULT (false), `last_sign_in_at` datetime NULL, CONSTRAINT `console_user_email_lower` CHECK (email = lower(email)));
-- Set sequence for "console_users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("console_users", 30064771072);
-- Create index "console_users_email_key" to table: "console_users"
CREATE UNIQUE INDEX `console_users_email_key` ON `console_users` (`email`);
-- Create "import_jobs" table
CREATE TABLE `import_jobs` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_by_id` integer NULL, `created_by` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('QUEUED'), `selection` json NOT NULL, `role_id` integer NOT NULL, `team_ids` json NULL, `category_ids` json NULL, `total` integer NOT NULL DEFAULT (0), `processed` integer NOT NULL DEFAULT (0), `imported_count` integer NOT NULL DEFAULT (0), `already_imported_count` integer NOT NULL DEFAULT (0), `failed_count` integer NOT NULL DEFAULT (0), `error` text NOT NULL DEFAULT (''), `cancel_requested` bool NOT NULL DEFAULT (false), `created_at` datetime NOT NULL, `started_at` datetime NULL, `finished_at` datetime NULL, `account_id` integer NOT NULL, CONSTRAINT `import_jobs_accounts_import_jobs` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE);
-- Set sequence for "import_jobs" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("import_jobs", 34359738368);
-- Create index "importjob_account_id_created_at" to table: "import_jobs"
CREATE INDEX `importjob_account_id_created_at` ON `import_jobs` (`account_id`, `created_at`);
-- Create "import_results" table
CREATE TABLE `import_results` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `account_id` integer NOT NULL, `ringex_id` integer NOT NULL, `name` text NOT NULL DEFAULT (''), `email` text NOT NULL DEFAULT (''), `username` text NOT NULL DEFAULT (''), `outcome` text NOT NULL DEFAULT ('PENDING'), `code` text NOT NULL DEFAULT (''), `message` text NOT NULL DEFAULT (''), `timezone` text NOT NULL DEFAULT (''), `timezone_match` text NOT NULL DEFAULT (''), `language` text NOT NULL DEFAULT (''), `language_match` text NOT NULL DEFAULT (''), `updated_at` datetime NOT NULL, `job_id` integer NOT NULL, `agent_id` integer NULL, CONSTRAINT `import_results_import_jobs_results` FOREIGN KEY (`job_id`) REFERENCES `import_jobs` (`id`) ON DELETE CASCADE, CONSTRAINT `import_results_agents_agent` FOREIGN KEY (`agent_id`) REFERENCES `agents` (`id`) ON DELETE SET NULL);
-- Set sequence for "import_results" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("import_results", 38654705664);
-- Create index "importresult_job_id_ringex_id" to table: "import_results"
CREATE UNIQUE INDEX `importresult_job_id_ringex_id` ON `import_results` (`job_id`, `ringex_id`);
-- Create index "importresult_job_id_outcome" to table: "import_results"
CREATE INDEX `importresult_job_id_outcome` ON `import_results` (`job_id`, `outcome`);
-- Create "memberships" table
CREATE TABLE `memberships` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `account_id` integer NOT NULL, `user_id` integer NOT NULL, `role_id` integer NOT NULL, CONSTRAINT `memberships_accounts_memberships` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE, CONSTRAINT `memberships_console_users_memberships` FOREIGN KEY (`user_id`) REFERENCES `console_users` (`id`) ON DELETE CASCADE, CONSTRAINT `memberships_roles_memberships` FOREIGN KEY (`role_id`) REFERENCES `roles` (`id`) ON DELETE NO ACTION);
-- Set sequence for "memberships" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("memberships", 42949672960);
-- Create index "membership_user_id_account_id" to table: "memberships"
CREATE UNIQUE INDEX `membership_user_id_account_id` ON `memberships` (`user_id`, `account_id`);
-- Create index "membership_account_id" to table: "memberships"
CREATE INDEX `membership_account_id` ON `memberships` (`account_id`);
-- Create "ring_ex_links" table
CREATE TABLE `ring_ex_links` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `server_url` text NOT NULL, `client_id` text NOT NULL, `client_secret_enc` text NOT NULL, `jwt_enc` text NOT NULL, `company_id` text NOT NULL DEFAULT (''), `linked_at` datetime NOT NULL, `last_sync_at` datetime NULL, `last_sync_status` text NOT NULL DEFAULT ('NEVER'), `last_sync_error` text NOT NULL DEFAULT (''), `user_count` integer NOT NULL DEFAULT (0), `last_good_user_count` integer NOT NULL DEFAULT (0), `account_id` integer NOT NULL, CONSTRAINT `ring_ex_links_accounts_ringex_link` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE);
-- Set sequence for "ring_ex_links" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("ring_ex_links", 47244640256);
-- Create index "ring_ex_links_account_id_key" to table: "ring_ex_links"
CREATE UNIQUE INDEX `ring_ex_links_account_id_key` ON `ring_ex_links` (`account_id`);
-- Create "ring_ex_users" table
CREATE TABLE `ring_ex_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `ringex_id` integer NOT NULL, `extension_number` text NOT NULL DEFAULT (''), `first_name` text NOT NULL DEFAULT (''), `last_name` text NOT NULL DEFAULT (''), `email` text NOT NULL DEFAULT (''), `login` text NOT NULL DEFAULT (''), `status` text NOT NULL, `hidden` bool NOT NULL DEFAULT (false), `removed` bool NOT NULL DEFAULT (false), `removed_at` datetime NULL, `timezone_name` text NULL, `timezone_bias` text NULL, `locale_code` text NULL, `regional_synced_at` datetime NULL, `search_text` text NOT NULL DEFAULT (''), `synced_at` datetime NOT NULL, `account_id` integer NOT NULL, `agent_id` integer NULL, CONSTRAINT `ring_ex_users_accounts_ringex_users` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE, CONSTRAINT `ring_ex_users_agents_ringex_user` FOREIGN KEY (`agent_id`) REFERENCES `agents` (`id`) ON DELETE SET NULL);
-- Set sequence for "ring_ex_users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("ring_ex_users", 51539607552);
-- Create index "ring_ex_users_agent_id_key" to table: "ring_ex_users"
CREATE UNIQUE INDEX `ring_ex_users_agent_id_key` ON `ring_ex_users` (`agent_id`);
-- Create index "ringexuser_account_id_ringex_id" to table: "ring_ex_users"
CREATE UNIQUE INDEX `ringexuser_account_id_ringex_id` ON `ring_ex_users` (`account_id`, `ringex_id`);
-- Create index "ringexuser_agent_id" to table: "ring_ex_users"
CREATE UNIQUE INDEX `ringexuser_agent_id` ON `ring_ex_users` (`agent_id`);
-- Create index "ringexuser_account_id_last_name_first_name" to table: "ring_ex_users"
CREATE INDEX `ringexuser_account_id_last_name_first_name` ON `ring_ex_users` (`account_id`, `last_name`, `first_name`);
-- Create "roles" table
CREATE TABLE `roles` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `description` text NOT NULL DEFAULT (''), `predefined` bool NOT NULL DEFAULT (false), `permissions` json NOT NULL, `account_id` integer NOT NULL, CONSTRAINT `roles_accounts_roles` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE);
-- Set sequence for "roles" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("roles", 55834574848);
-- Create index "role_account_id_name" to table: "roles"
CREATE UNIQUE INDEX `role_account_id_name` ON `roles` (`account_id`, `name`);
-- Create "sessions" table
CREATE TABLE `sessions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `token_hash` text NOT NULL, `created_at` datetime NOT NULL, `last_seen_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `ip` text NULL, `user_agent` text NULL, `user_id` integer NOT NULL, CONSTRAINT `sessions_console_users_sessions` FOREIGN KEY (`user_id`) REFERENCES `console_users` (`id`) ON DELETE CASCADE);
-- Set sequence for "sessions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sessions", 60129542144);
-- Create index "sessions_token_hash_key" to table: "sessions"
CREATE UNIQUE INDEX `sessions_token_hash_key` ON `sessions` (`token_hash`);
-- Create index "session_expires_at" to table: "sessions"
CREATE INDEX `session_expires_at` ON `sessions` (`expires_at`);
-- Create "sign_in_throttles" table
CREATE TABLE `sign_in_throttles` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `key` text NOT NULL, `failures` integer NOT NULL DEFAULT (0), `last_failure_at` datetime NOT NULL, `locked_until` datetime NULL);
-- Set sequence for "sign_in_throttles" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sign_in_throttles", 64424509440);
-- Create index "sign_in_throttles_key_key" to table: "sign_in_throttles"
CREATE UNIQUE INDEX `sign_in_throttles_key_key` ON `sign_in_throttles` (`key`);
-- Create "teams" table
CREATE TABLE `teams` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `account_id` integer NOT NULL, CONSTRAINT `teams_accounts_teams` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE);
-- Set sequence for "teams" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("teams", 68719476736);
-- Create index "team_account_id_name" to table: "teams"
CREATE UNIQUE INDEX `team_account_id_name` ON `teams` (`account_id`, `name`);
-- Create "category_agents" table
CREATE TABLE `category_agents` (`category_id` integer NOT NULL, `agent_id` integer NOT NULL, PRIMARY KEY (`category_id`, `agent_id`), CONSTRAINT `category_agents_category_id` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`) ON DELETE CASCADE, CONSTRAINT `category_agents_agent_id` FOREIGN KEY (`agent_id`) REFERENCES `agents` (`id`) ON DELETE CASCADE);
-- Create "team_members" table
CREATE TABLE `team_members` (`team_id` integer NOT NULL, `agent_id` integer NOT NULL, PRIMARY KEY (`team_id`, `agent_id`), CONSTRAINT `team_members_team_id` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE CASCADE, CONSTRAINT `team_members_agent_id` FOREIGN KEY (`agent_id`) REFERENCES `agents` (`id`) ON DELETE CASCADE);
-- Create "team_leaders" table
CREATE TABLE `team_leaders` (`team_id` integer NOT NULL, `agent_id` integer NOT NULL, PRIMARY KEY (`team_id`, `agent_id`), CONSTRAINT `team_leaders_team_id` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE CASCADE, CONSTRAINT `team_leaders_agent_id` FOREIGN KEY (`agent_id`) REFERENCES `agents` (`id`) ON DELETE CASCADE);
