CREATE TABLE `deviation_year_totals` (
	`year` integer NOT NULL,
	`unit_id` text NOT NULL,
	`deviation_type_folded` text NOT NULL,
	`deviation_type` text NOT NULL,
	`month_rows` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`year`, `unit_id`, `deviation_type_folded`)
);
--> statement-breakpoint
DROP INDEX `deviation_counts_year_unit_idx`;
--> statement-breakpoint
-- Hand-written: the triggers that keep deviation_year_totals exact (db/schema/deviations.ts), and the fill of
-- a file that had counts before this migration. A month row leaving a sum recomputes the sum's spelling from
-- the rows still there (an indexed read of one unit's year).
INSERT INTO deviation_year_totals (year, unit_id, deviation_type_folded, deviation_type, month_rows, count)
  SELECT year, unit_id, deviation_type_folded, min(deviation_type), count(*), sum(count)
  FROM deviation_counts GROUP BY year, unit_id, deviation_type_folded;
--> statement-breakpoint
CREATE TRIGGER `deviation_counts_total_insert` AFTER INSERT ON `deviation_counts`
BEGIN
  INSERT INTO deviation_year_totals (year, unit_id, deviation_type_folded, deviation_type, month_rows, count)
    VALUES (NEW.year, NEW.unit_id, NEW.deviation_type_folded, NEW.deviation_type, 1, NEW.count)
    ON CONFLICT (year, unit_id, deviation_type_folded) DO UPDATE SET
      month_rows = month_rows + 1, count = count + excluded.count, deviation_type = min(deviation_type, excluded.deviation_type);
END;
--> statement-breakpoint
CREATE TRIGGER `deviation_counts_total_delete` AFTER DELETE ON `deviation_counts`
BEGIN
  UPDATE deviation_year_totals SET month_rows = month_rows - 1, count = count - OLD.count,
      deviation_type = coalesce((SELECT min(d.deviation_type) FROM deviation_counts d
                                 WHERE d.unit_id = OLD.unit_id AND d.year = OLD.year AND d.deviation_type_folded = OLD.deviation_type_folded), deviation_type)
    WHERE year = OLD.year AND unit_id = OLD.unit_id AND deviation_type_folded = OLD.deviation_type_folded;
  DELETE FROM deviation_year_totals
    WHERE year = OLD.year AND unit_id = OLD.unit_id AND deviation_type_folded = OLD.deviation_type_folded AND month_rows = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `deviation_counts_total_update` AFTER UPDATE OF unit_id, year, deviation_type, deviation_type_folded, count ON `deviation_counts`
BEGIN
  UPDATE deviation_year_totals SET month_rows = month_rows - 1, count = count - OLD.count,
      deviation_type = coalesce((SELECT min(d.deviation_type) FROM deviation_counts d
                                 WHERE d.unit_id = OLD.unit_id AND d.year = OLD.year AND d.deviation_type_folded = OLD.deviation_type_folded), deviation_type)
    WHERE year = OLD.year AND unit_id = OLD.unit_id AND deviation_type_folded = OLD.deviation_type_folded;
  DELETE FROM deviation_year_totals
    WHERE year = OLD.year AND unit_id = OLD.unit_id AND deviation_type_folded = OLD.deviation_type_folded AND month_rows = 0;
  INSERT INTO deviation_year_totals (year, unit_id, deviation_type_folded, deviation_type, month_rows, count)
    VALUES (NEW.year, NEW.unit_id, NEW.deviation_type_folded, NEW.deviation_type, 1, NEW.count)
    ON CONFLICT (year, unit_id, deviation_type_folded) DO UPDATE SET
      month_rows = month_rows + 1, count = count + excluded.count, deviation_type = min(deviation_type, excluded.deviation_type);
END;
