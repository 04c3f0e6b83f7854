CREATE TABLE `quality_requirement_legal_bases` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`legal_basis` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`version_id`) REFERENCES `quality_requirement_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_requirement_legal_bases_unique` ON `quality_requirement_legal_bases` (`version_id`,`legal_basis`);--> statement-breakpoint
CREATE TABLE `quality_requirement_unit_types` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`unit_type` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`version_id`) REFERENCES `quality_requirement_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_requirement_unit_types_unique` ON `quality_requirement_unit_types` (`version_id`,`unit_type`);--> statement-breakpoint
ALTER TABLE `inspections` ADD `ivo_decision_date` text;--> statement-breakpoint
ALTER TABLE `inspections` ADD `ivo_case_number` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspections` ADD `ivo_answer_sent_at` text;--> statement-breakpoint
ALTER TABLE `quality_requirement_versions` ADD `judged_at_commissioner` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `provider_plan_received_on` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `provider_plan_summary` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `commissioner_informed_on` text;