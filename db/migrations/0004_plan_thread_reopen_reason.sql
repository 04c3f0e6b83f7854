ALTER TABLE `inspections` ADD `reopen_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `inspections_plan_entry_idx` ON `inspections` (`plan_entry_id`);--> statement-breakpoint
-- hand-written:
-- Plan and inspection as one thread: an inspection recorded without its plan entry (Ny tillsyn
-- did not link before) is linked to the unit's open entry of the same kind in the cycle its start
-- date falls in, the rule of db/queries/planLink.ts. Only where unambiguous: exactly one open entry
-- fits the inspection and no other unlinked inspection fits that entry. IVO inspections stay unlinked.
-- The pairs are fixed first in a temp table, so the UPDATE cannot see its own earlier rows.
CREATE TEMP TABLE `plan_link_0004` AS
WITH `candidate` AS (
  SELECT i.`id` AS `inspection_id`, p.`id` AS `plan_entry_id`
  FROM `inspections` i
  JOIN `plan_entries` p ON p.`unit_id` = i.`unit_id` AND p.`inspection_type` = i.`inspection_type`
  JOIN `inspection_cycles` c ON c.`id` = p.`cycle_id`
  WHERE i.`plan_entry_id` IS NULL AND i.`origin` <> 'ivo'
    AND CAST(substr(i.`start_date`, 1, 4) AS INTEGER) BETWEEN c.`start_year` AND c.`start_year` + 2
    AND NOT EXISTS (SELECT 1 FROM `inspections` x WHERE x.`plan_entry_id` = p.`id`)
)
SELECT `inspection_id`, `plan_entry_id` FROM `candidate`
WHERE `inspection_id` IN (SELECT `inspection_id` FROM `candidate` GROUP BY `inspection_id` HAVING count(*) = 1)
  AND `plan_entry_id` IN (SELECT `plan_entry_id` FROM `candidate` GROUP BY `plan_entry_id` HAVING count(*) = 1);
--> statement-breakpoint
UPDATE `inspections`
SET `plan_entry_id` = (SELECT l.`plan_entry_id` FROM temp.`plan_link_0004` l WHERE l.`inspection_id` = `inspections`.`id`),
    `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    `updated_by` = 'migrering 0004'
WHERE `id` IN (SELECT `inspection_id` FROM temp.`plan_link_0004`);
--> statement-breakpoint
DROP TABLE temp.`plan_link_0004`;
