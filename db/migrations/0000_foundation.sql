CREATE TABLE `operating_areas` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operating_areas_name_unique` ON `operating_areas` (`name`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`operating_area_id` text NOT NULL,
	`name` text NOT NULL,
	`unit_type` text NOT NULL,
	`regi` text NOT NULL,
	`provider` text NOT NULL,
	`manager` text DEFAULT '' NOT NULL,
	`active_from` text,
	`active_to` text,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`operating_area_id`) REFERENCES `operating_areas`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "units_active_range" CHECK(active_to IS NULL OR active_from IS NULL OR active_to >= active_from)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_area_name_unique` ON `units` (`operating_area_id`,`name`);--> statement-breakpoint
CREATE INDEX `units_area_idx` ON `units` (`operating_area_id`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`requirement_version_id` text NOT NULL,
	`result` text DEFAULT 'ej_bedomt' NOT NULL,
	`observation` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`requirement_version_id`) REFERENCES `quality_requirement_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_unique` ON `assessments` (`inspection_id`,`requirement_version_id`);--> statement-breakpoint
CREATE TABLE `inspection_cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`start_year` integer NOT NULL,
	`name` text NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	CONSTRAINT "inspection_cycles_year_range" CHECK(start_year BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_cycles_start_year_unique` ON `inspection_cycles` (`start_year`);--> statement-breakpoint
CREATE TABLE `inspection_inspectors` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`inspector_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_inspectors_unique` ON `inspection_inspectors` (`inspection_id`,`inspector_id`);--> statement-breakpoint
CREATE TABLE `inspection_themes` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`question` text DEFAULT '' NOT NULL,
	`requirement_id` text,
	`year` integer NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`requirement_id`) REFERENCES `quality_requirements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`plan_entry_id` text,
	`theme_id` text,
	`inspection_type` text DEFAULT 'ordinarie' NOT NULL,
	`origin` text DEFAULT 'egen' NOT NULL,
	`announced` integer DEFAULT true NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`participants` text DEFAULT '' NOT NULL,
	`method_interview` integer DEFAULT false NOT NULL,
	`method_observation` integer DEFAULT false NOT NULL,
	`method_document_review` integer DEFAULT false NOT NULL,
	`method_record_review` integer DEFAULT false NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pagaende' NOT NULL,
	`closed_at` text,
	`close_note` text DEFAULT '' NOT NULL,
	`report_sent_provider_at` text,
	`report_sent_commissioner_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`plan_entry_id`) REFERENCES `plan_entries`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`theme_id`) REFERENCES `inspection_themes`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "inspections_dates" CHECK(end_date IS NULL OR end_date >= start_date)
);
--> statement-breakpoint
CREATE INDEX `inspections_unit_idx` ON `inspections` (`unit_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `inspections_start_idx` ON `inspections` (`start_date`);--> statement-breakpoint
CREATE TABLE `inspectors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_name_unique` ON `inspectors` (`name`);--> statement-breakpoint
CREATE TABLE `plan_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`year` integer NOT NULL,
	`tertial` integer NOT NULL,
	`month` integer,
	`inspection_type` text DEFAULT 'ordinarie' NOT NULL,
	`announced` integer DEFAULT true NOT NULL,
	`fixed` integer DEFAULT false NOT NULL,
	`theme_id` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`cycle_id`) REFERENCES `inspection_cycles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`theme_id`) REFERENCES `inspection_themes`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "plan_entries_tertial" CHECK(tertial BETWEEN 1 AND 3),
	CONSTRAINT "plan_entries_month" CHECK(month IS NULL OR month BETWEEN 1 AND 12)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_entries_one_ordinary_per_cycle` ON `plan_entries` (`cycle_id`,`unit_id`) WHERE inspection_type = 'ordinarie';--> statement-breakpoint
CREATE INDEX `plan_entries_unit_idx` ON `plan_entries` (`unit_id`);--> statement-breakpoint
CREATE TABLE `plan_entry_inspectors` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_entry_id` text NOT NULL,
	`inspector_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`plan_entry_id`) REFERENCES `plan_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_entry_inspectors_unique` ON `plan_entry_inspectors` (`plan_entry_id`,`inspector_id`);--> statement-breakpoint
CREATE TABLE `quality_requirement_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`requirement_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`deadline_days` integer,
	`valid_from` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`requirement_id`) REFERENCES `quality_requirements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_requirement_versions_unique` ON `quality_requirement_versions` (`requirement_id`,`version`);--> statement-breakpoint
CREATE TABLE `quality_requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`theme` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_requirements_code_unique` ON `quality_requirements` (`code`);--> statement-breakpoint
CREATE TABLE `required_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`assessment_id` text,
	`description` text NOT NULL,
	`deadline` text NOT NULL,
	`responsible` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'oppen' NOT NULL,
	`follow_up_date` text,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `required_actions_inspection_idx` ON `required_actions` (`inspection_id`);--> statement-breakpoint
CREATE INDEX `required_actions_status_idx` ON `required_actions` (`status`,`deadline`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`action` text NOT NULL,
	`old_values` text,
	`new_values` text,
	`os_user` text DEFAULT '' NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_row_idx` ON `audit_log` (`table_name`,`row_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settings_key_unique` ON `settings` (`key`);