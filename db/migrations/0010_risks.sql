CREATE TABLE `risk_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`risk_id` text NOT NULL,
	`assessed_on` text NOT NULL,
	`probability` integer NOT NULL,
	`severity` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`assessed_by` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "risk_assessments_probability" CHECK(typeof(probability) = 'integer' AND probability BETWEEN 1 AND 4),
	CONSTRAINT "risk_assessments_severity" CHECK(typeof(severity) = 'integer' AND severity BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `risk_assessments_risk_day_unique` ON `risk_assessments` (`risk_id`,`assessed_on`);--> statement-breakpoint
CREATE TABLE `risks` (
	`id` text PRIMARY KEY NOT NULL,
	`operating_area_id` text NOT NULL,
	`unit_id` text,
	`description` text NOT NULL,
	`cause` text NOT NULL,
	`identified_on` text NOT NULL,
	`status` text DEFAULT 'aktiv' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`operating_area_id`) REFERENCES `operating_areas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "risks_description" CHECK(length(trim(description)) > 0)
);
--> statement-breakpoint
CREATE INDEX `risks_operating_area_idx` ON `risks` (`operating_area_id`,`identified_on`);--> statement-breakpoint
CREATE INDEX `risks_unit_idx` ON `risks` (`unit_id`);--> statement-breakpoint
ALTER TABLE `actions` ADD `risk_id` text REFERENCES risks(id);--> statement-breakpoint
CREATE INDEX `actions_risk_idx` ON `actions` (`risk_id`);