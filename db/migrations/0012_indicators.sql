CREATE TABLE `indicator_values` (
	`id` text PRIMARY KEY NOT NULL,
	`indicator_id` text NOT NULL,
	`operating_area_id` text,
	`unit_id` text,
	`year` integer NOT NULL,
	`part` text DEFAULT '' NOT NULL,
	`value` real,
	`women` real,
	`men` real,
	`national` real,
	`county` real,
	`target` real,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`operating_area_id`) REFERENCES `operating_areas`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "indicator_values_one_level" CHECK(operating_area_id IS NULL OR unit_id IS NULL),
	CONSTRAINT "indicator_values_something" CHECK(value IS NOT NULL OR target IS NOT NULL),
	CONSTRAINT "indicator_values_year" CHECK(year BETWEEN 1990 AND 2100)
);
--> statement-breakpoint
CREATE INDEX `indicator_values_indicator_idx` ON `indicator_values` (`indicator_id`,`year`);--> statement-breakpoint
CREATE INDEX `indicator_values_area_idx` ON `indicator_values` (`operating_area_id`);--> statement-breakpoint
CREATE INDEX `indicator_values_unit_idx` ON `indicator_values` (`unit_id`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`source` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_name_folded_unique` ON `indicators` (`name_folded`);--> statement-breakpoint
-- hand-written:
CREATE UNIQUE INDEX `indicator_values_level_period_unique` ON `indicator_values` (`indicator_id`, coalesce(`operating_area_id`, ''), coalesce(`unit_id`, ''), `year`, `part`);
