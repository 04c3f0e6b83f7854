CREATE TABLE `snapshot_rows` (
	`id` text PRIMARY KEY NOT NULL,
	`snapshot_id` text NOT NULL,
	`position` integer NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`snapshot_id`) REFERENCES `snapshots`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `snapshot_rows_snapshot_position_unique` ON `snapshot_rows` (`snapshot_id`,`position`);--> statement-breakpoint
CREATE TABLE `snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`query` text NOT NULL,
	`query_version` integer NOT NULL,
	`params` text NOT NULL,
	`scope` text NOT NULL,
	`scope_label` text NOT NULL,
	`as_of` text NOT NULL,
	`taken_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`taken_by` text DEFAULT '' NOT NULL,
	`row_count` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `snapshots_query_idx` ON `snapshots` (`query`,`as_of`);--> statement-breakpoint
-- hand-written:
-- Snapshots never change (docs/architecture.md, "Frozen snapshots"): UPDATE and DELETE are refused
-- on both tables, and so is an INSERT that would replace a row (INSERT OR REPLACE deletes without
-- firing a delete trigger) or add a row beyond the snapshot's row_count after it was taken.
CREATE TRIGGER `snapshots_no_update` BEFORE UPDATE ON `snapshots` BEGIN SELECT RAISE(ABORT, 'En ögonblicksbild kan inte ändras eller raderas.'); END;--> statement-breakpoint
CREATE TRIGGER `snapshots_no_delete` BEFORE DELETE ON `snapshots` BEGIN SELECT RAISE(ABORT, 'En ögonblicksbild kan inte ändras eller raderas.'); END;--> statement-breakpoint
CREATE TRIGGER `snapshots_no_replace` BEFORE INSERT ON `snapshots` WHEN EXISTS (SELECT 1 FROM `snapshots` WHERE `id` = NEW.`id`) BEGIN SELECT RAISE(ABORT, 'En ögonblicksbild kan inte ändras eller raderas.'); END;--> statement-breakpoint
CREATE TRIGGER `snapshot_rows_no_update` BEFORE UPDATE ON `snapshot_rows` BEGIN SELECT RAISE(ABORT, 'En ögonblicksbild kan inte ändras eller raderas.'); END;--> statement-breakpoint
CREATE TRIGGER `snapshot_rows_no_delete` BEFORE DELETE ON `snapshot_rows` BEGIN SELECT RAISE(ABORT, 'En ögonblicksbild kan inte ändras eller raderas.'); END;--> statement-breakpoint
CREATE TRIGGER `snapshot_rows_only_new` BEFORE INSERT ON `snapshot_rows`
WHEN EXISTS (SELECT 1 FROM `snapshot_rows` WHERE `id` = NEW.`id` OR (`snapshot_id` = NEW.`snapshot_id` AND `position` = NEW.`position`))
  OR NEW.`position` < 0
  OR NEW.`position` >= (SELECT `row_count` FROM `snapshots` WHERE `id` = NEW.`snapshot_id`)
BEGIN SELECT RAISE(ABORT, 'En ögonblicksbild kan inte ändras eller raderas.'); END;
