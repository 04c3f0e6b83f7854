CREATE TABLE `self_assessment_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`template_statement_id` text NOT NULL,
	`score` integer,
	`not_applicable` integer DEFAULT false NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`template_statement_id`) REFERENCES `self_assessment_template_statements`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "self_assessment_answers_score" CHECK(score IS NULL OR (typeof(score) = 'integer' AND score BETWEEN 1 AND 10)),
	CONSTRAINT "self_assessment_answers_not_applicable" CHECK(not_applicable IN (0, 1)),
	CONSTRAINT "self_assessment_answers_one_value" CHECK(NOT (not_applicable = 1 AND score IS NOT NULL)),
	CONSTRAINT "self_assessment_answers_source" CHECK(source IN ('direkt', 'formular', 'import'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_assessment_answers_unique` ON `self_assessment_answers` (`unit_id`,`template_statement_id`);--> statement-breakpoint
CREATE INDEX `self_assessment_answers_statement_idx` ON `self_assessment_answers` (`template_statement_id`);--> statement-breakpoint
CREATE TABLE `self_assessment_statements` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `self_assessment_template_statements` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`statement_id` text NOT NULL,
	`area` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`is_new` integer DEFAULT false NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`template_id`) REFERENCES `self_assessment_templates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`statement_id`) REFERENCES `self_assessment_statements`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "self_assessment_template_statements_area" CHECK(area IN ('sjalvbestammande_integritet', 'helhetssyn_samordning', 'trygghet_sakerhet', 'kunskapsbaserad_verksamhet', 'tillganglighet')),
	CONSTRAINT "self_assessment_template_statements_is_new" CHECK(is_new IN (0, 1)),
	CONSTRAINT "self_assessment_template_statements_position" CHECK(position >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_assessment_template_statements_unique` ON `self_assessment_template_statements` (`template_id`,`statement_id`);--> statement-breakpoint
CREATE INDEX `self_assessment_template_statements_order_idx` ON `self_assessment_template_statements` (`template_id`,`area`,`position`);--> statement-breakpoint
CREATE INDEX `self_assessment_template_statements_statement_idx` ON `self_assessment_template_statements` (`statement_id`);--> statement-breakpoint
CREATE TABLE `self_assessment_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`copied_from_year` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	CONSTRAINT "self_assessment_templates_year_range" CHECK(year BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_assessment_templates_year_unique` ON `self_assessment_templates` (`year`);--> statement-breakpoint
ALTER TABLE `actions` ADD `statement_id` text REFERENCES self_assessment_statements(id);--> statement-breakpoint
ALTER TABLE `actions` ADD `self_assessment_year` integer;--> statement-breakpoint
CREATE INDEX `actions_statement_idx` ON `actions` (`statement_id`,`self_assessment_year`);