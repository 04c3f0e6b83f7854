CREATE INDEX `actions_status_deadline_idx` ON `actions` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `actions_status_follow_up_idx` ON `actions` (`status`,`follow_up_date`);