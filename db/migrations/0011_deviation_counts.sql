CREATE TABLE `deviation_counts` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`deviation_type` text NOT NULL,
	`deviation_type_folded` text NOT NULL,
	`count` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "deviation_counts_year" CHECK(year BETWEEN 2000 AND 2100),
	CONSTRAINT "deviation_counts_month" CHECK(month BETWEEN 1 AND 12),
	CONSTRAINT "deviation_counts_count" CHECK(typeof(count) = 'integer' AND count >= 0),
	CONSTRAINT "deviation_counts_type" CHECK(length(trim(deviation_type)) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deviation_counts_unit_period_type_unique` ON `deviation_counts` (`unit_id`,`year`,`month`,`deviation_type_folded`);--> statement-breakpoint
CREATE INDEX `deviation_counts_period_idx` ON `deviation_counts` (`year`,`month`);