DROP TABLE `required_actions`;--> statement-breakpoint
DROP INDEX `operating_areas_name_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `operating_areas_name_folded_unique` ON `operating_areas` (`name_folded`);--> statement-breakpoint
DROP INDEX `units_area_name_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `units_area_name_folded_unique` ON `units` (`operating_area_id`,`name_folded`);--> statement-breakpoint
DROP INDEX `inspectors_name_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_name_folded_unique` ON `inspectors` (`name_folded`);--> statement-breakpoint
DROP INDEX `quality_requirements_code_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `quality_requirements_code_folded_unique` ON `quality_requirements` (`code_folded`);