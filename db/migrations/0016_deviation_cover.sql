DROP INDEX `deviation_counts_period_idx`;--> statement-breakpoint
CREATE INDEX `deviation_counts_year_unit_idx` ON `deviation_counts` (`year`,`unit_id`,`deviation_type_folded`,`deviation_type`,`count`);--> statement-breakpoint
CREATE INDEX `deviation_counts_period_idx` ON `deviation_counts` (`year`,`month`,`deviation_type_folded`,`deviation_type`,`count`);