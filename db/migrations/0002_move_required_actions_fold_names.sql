-- Custom migration (drizzle-kit generate --custom). Runs with foreign keys off inside the one
-- migration transaction (db/open.ts); foreign_key_check runs before COMMIT.
--
-- 1. Every required action (åtgärdskrav) moves into the action register with source 'tillsyn':
--    the same id and fields, linked to its inspection and assessment, the unit taken from the
--    inspection. LEFT JOIN: a row whose inspection is missing keeps its link and fails the
--    foreign_key_check, so the migration is refused instead of the row being dropped.
--    The audit trail keeps its entries under 'required_actions'; the history of an action reads
--    them by the same id (db/audit/tableAliases.ts).
INSERT INTO `actions` (`id`, `source`, `description`, `reason`, `inspection_id`, `assessment_id`, `unit_id`,
  `responsible`, `deadline`, `status`, `follow_up_date`, `closing_note`, `closed_at`, `created_at`, `updated_at`, `updated_by`)
SELECT r.`id`, 'tillsyn', r.`description`, '', r.`inspection_id`, r.`assessment_id`, i.`unit_id`,
  r.`responsible`, r.`deadline`, r.`status`, r.`follow_up_date`, '', r.`closed_at`, r.`created_at`, r.`updated_at`, r.`updated_by`
FROM `required_actions` r LEFT JOIN `inspections` i ON i.`id` = r.`inspection_id`;
--> statement-breakpoint
-- Before migration 0003 drops required_actions: every one of its rows is in the register with
-- the same values, or the CHECK below aborts the whole migration.
CREATE TEMP TABLE `_moved_guard` (`ok` integer CHECK (`ok` = 1));
--> statement-breakpoint
INSERT INTO `_moved_guard` SELECT NOT EXISTS (
  SELECT r.`id` FROM `required_actions` r
  WHERE NOT EXISTS (
    SELECT 1 FROM `actions` a
    WHERE a.`id` = r.`id` AND a.`source` = 'tillsyn' AND a.`inspection_id` IS r.`inspection_id`
      AND a.`assessment_id` IS r.`assessment_id` AND a.`description` IS r.`description` AND a.`deadline` IS r.`deadline`
      AND a.`responsible` IS r.`responsible` AND a.`status` IS r.`status` AND a.`follow_up_date` IS r.`follow_up_date`
      AND a.`closed_at` IS r.`closed_at` AND a.`created_at` IS r.`created_at` AND a.`updated_at` IS r.`updated_at`
      AND a.`updated_by` IS r.`updated_by`));
--> statement-breakpoint
DROP TABLE `_moved_guard`;
--> statement-breakpoint
-- 2. The folded names (db/shared/names.ts foldName, registered on the connection as fold_name by
--    db/open.ts). Where existing rows already fold alike (the 0000 code accepted "Älvgården" and
--    "älvgården" side by side), the oldest keeps the folded name and the others keep NULL: every
--    row stays, the unique indexes of 0003 can be built, and the duplicates are listed by
--    db/queries/names.ts until someone renames them (a rename fills the column and is checked).
UPDATE `operating_areas` SET `name_folded` = fold_name(`name`);
--> statement-breakpoint
UPDATE `operating_areas` SET `name_folded` = NULL WHERE EXISTS (
  SELECT 1 FROM `operating_areas` o WHERE o.`name_folded` = `operating_areas`.`name_folded` AND o.`id` < `operating_areas`.`id`);
--> statement-breakpoint
UPDATE `units` SET `name_folded` = fold_name(`name`);
--> statement-breakpoint
UPDATE `units` SET `name_folded` = NULL WHERE EXISTS (
  SELECT 1 FROM `units` o WHERE o.`operating_area_id` = `units`.`operating_area_id`
    AND o.`name_folded` = `units`.`name_folded` AND o.`id` < `units`.`id`);
--> statement-breakpoint
UPDATE `inspectors` SET `name_folded` = fold_name(`name`);
--> statement-breakpoint
UPDATE `inspectors` SET `name_folded` = NULL WHERE EXISTS (
  SELECT 1 FROM `inspectors` o WHERE o.`name_folded` = `inspectors`.`name_folded` AND o.`id` < `inspectors`.`id`);
--> statement-breakpoint
UPDATE `quality_requirements` SET `code_folded` = fold_name(`code`);
--> statement-breakpoint
UPDATE `quality_requirements` SET `code_folded` = NULL WHERE EXISTS (
  SELECT 1 FROM `quality_requirements` o WHERE o.`code_folded` = `quality_requirements`.`code_folded` AND o.`id` < `quality_requirements`.`id`);
