CREATE TABLE `feedback_counts` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`year` integer NOT NULL,
	`tertial` integer NOT NULL,
	`feedback_type` text NOT NULL,
	`count` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "feedback_counts_tertial" CHECK(tertial BETWEEN 1 AND 3),
	CONSTRAINT "feedback_counts_count" CHECK(count >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_counts_unit_period_type_unique` ON `feedback_counts` (`unit_id`,`year`,`tertial`,`feedback_type`);--> statement-breakpoint
CREATE INDEX `feedback_counts_period_idx` ON `feedback_counts` (`year`,`tertial`);--> statement-breakpoint
CREATE TABLE `lex_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`lex_type` text NOT NULL,
	`unit_id` text NOT NULL,
	`reported_on` text NOT NULL,
	`case_number` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`status` text DEFAULT 'anmald' NOT NULL,
	`ivo_reported` integer DEFAULT false NOT NULL,
	`ivo_reported_on` text,
	`summary` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "lex_cases_ivo_date" CHECK((ivo_reported = 1) = (ivo_reported_on IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `lex_cases_unit_idx` ON `lex_cases` (`unit_id`);--> statement-breakpoint
CREATE INDEX `lex_cases_reported_idx` ON `lex_cases` (`reported_on`);--> statement-breakpoint
ALTER TABLE `actions` ADD `lex_case_id` text REFERENCES lex_cases(id);--> statement-breakpoint
CREATE INDEX `actions_lex_case_idx` ON `actions` (`lex_case_id`);