DROP INDEX `self_assessment_answers_statement_idx`;--> statement-breakpoint
CREATE INDEX `self_assessment_answers_statement_idx` ON `self_assessment_answers` (`template_statement_id`,`unit_id`,`score`,`not_applicable`);--> statement-breakpoint
CREATE INDEX `assessments_inspection_result_idx` ON `assessments` (`inspection_id`,`result`);--> statement-breakpoint
CREATE INDEX `actions_status_deadline_idx` ON `actions` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `actions_status_follow_up_idx` ON `actions` (`status`,`follow_up_date`);