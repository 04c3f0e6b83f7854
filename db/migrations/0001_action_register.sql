CREATE TABLE `action_follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`noted_on` text NOT NULL,
	`note` text NOT NULL,
	`noted_by` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `action_follow_ups_action_idx` ON `action_follow_ups` (`action_id`,`noted_on`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`description` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`inspection_id` text,
	`assessment_id` text,
	`unit_id` text,
	`responsible` text DEFAULT '' NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'oppen' NOT NULL,
	`follow_up_date` text,
	`closing_note` text DEFAULT '' NOT NULL,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "actions_tillsyn_link" CHECK(source <> 'tillsyn' OR inspection_id IS NOT NULL),
	CONSTRAINT "actions_assessment_in_inspection" CHECK(assessment_id IS NULL OR inspection_id IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `actions_source_status_idx` ON `actions` (`source`,`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `actions_inspection_idx` ON `actions` (`inspection_id`);--> statement-breakpoint
CREATE INDEX `actions_assessment_idx` ON `actions` (`assessment_id`);--> statement-breakpoint
CREATE INDEX `actions_unit_idx` ON `actions` (`unit_id`);--> statement-breakpoint
ALTER TABLE `operating_areas` ADD `name_folded` text;--> statement-breakpoint
ALTER TABLE `units` ADD `name_folded` text;--> statement-breakpoint
ALTER TABLE `inspectors` ADD `name_folded` text;--> statement-breakpoint
ALTER TABLE `quality_requirements` ADD `code_folded` text;