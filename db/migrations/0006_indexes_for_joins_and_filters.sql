DROP INDEX `inspections_plan_entry_idx`;--> statement-breakpoint
CREATE INDEX `inspections_theme_idx` ON `inspections` (`theme_id`);--> statement-breakpoint
CREATE INDEX `inspections_plan_entry_idx` ON `inspections` (`plan_entry_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `assessments_requirement_version_idx` ON `assessments` (`requirement_version_id`);--> statement-breakpoint
CREATE INDEX `inspection_inspectors_inspector_idx` ON `inspection_inspectors` (`inspector_id`);--> statement-breakpoint
CREATE INDEX `inspection_themes_requirement_idx` ON `inspection_themes` (`requirement_id`);--> statement-breakpoint
CREATE INDEX `plan_entries_cycle_idx` ON `plan_entries` (`cycle_id`,`year`,`tertial`);--> statement-breakpoint
CREATE INDEX `plan_entries_theme_idx` ON `plan_entries` (`theme_id`);--> statement-breakpoint
CREATE INDEX `plan_entry_inspectors_inspector_idx` ON `plan_entry_inspectors` (`inspector_id`);--> statement-breakpoint
CREATE INDEX `audit_log_os_user_at_idx` ON `audit_log` (`os_user`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_display_name_at_idx` ON `audit_log` (`display_name`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_table_at_idx` ON `audit_log` (`table_name`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_at_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_users_idx` ON `audit_log` (`os_user`,`display_name`);