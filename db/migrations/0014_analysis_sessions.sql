CREATE TABLE `analysis_agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`heading` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`snapshot_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`session_id`) REFERENCES `analysis_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`snapshot_id`) REFERENCES `snapshots`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `analysis_agenda_items_session_idx` ON `analysis_agenda_items` (`session_id`,`position`);--> statement-breakpoint
CREATE INDEX `analysis_agenda_items_snapshot_idx` ON `analysis_agenda_items` (`snapshot_id`);--> statement-breakpoint
CREATE TABLE `analysis_session_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`session_id`) REFERENCES `analysis_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `analysis_session_participants_session_idx` ON `analysis_session_participants` (`session_id`,`position`);--> statement-breakpoint
CREATE TABLE `analysis_session_risks` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`risk_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`session_id`) REFERENCES `analysis_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analysis_session_risks_unique` ON `analysis_session_risks` (`session_id`,`risk_id`);--> statement-breakpoint
CREATE INDEX `analysis_session_risks_risk_idx` ON `analysis_session_risks` (`risk_id`);--> statement-breakpoint
CREATE TABLE `analysis_session_units` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`session_id`) REFERENCES `analysis_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analysis_session_units_unique` ON `analysis_session_units` (`session_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `analysis_session_units_unit_idx` ON `analysis_session_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `analysis_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`held_on` text NOT NULL,
	`title` text NOT NULL,
	`operating_area_id` text NOT NULL,
	`status` text DEFAULT 'planerad' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`operating_area_id`) REFERENCES `operating_areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `analysis_sessions_area_idx` ON `analysis_sessions` (`operating_area_id`,`held_on`);--> statement-breakpoint
ALTER TABLE `actions` ADD `analysis_session_id` text REFERENCES analysis_sessions(id);--> statement-breakpoint
CREATE INDEX `actions_analysis_session_idx` ON `actions` (`analysis_session_id`);