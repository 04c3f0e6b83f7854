CREATE TABLE `self_assessment_statement_tallies` (
	`template_statement_id` text PRIMARY KEY NOT NULL,
	`score_1` integer DEFAULT 0 NOT NULL,
	`score_2` integer DEFAULT 0 NOT NULL,
	`score_3` integer DEFAULT 0 NOT NULL,
	`score_4` integer DEFAULT 0 NOT NULL,
	`score_5` integer DEFAULT 0 NOT NULL,
	`score_6` integer DEFAULT 0 NOT NULL,
	`score_7` integer DEFAULT 0 NOT NULL,
	`score_8` integer DEFAULT 0 NOT NULL,
	`score_9` integer DEFAULT 0 NOT NULL,
	`score_10` integer DEFAULT 0 NOT NULL,
	`not_applicable` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `self_assessment_unit_tallies` (
	`template_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`area` text NOT NULL,
	`answer_count` integer DEFAULT 0 NOT NULL,
	`score_1` integer DEFAULT 0 NOT NULL,
	`score_2` integer DEFAULT 0 NOT NULL,
	`score_3` integer DEFAULT 0 NOT NULL,
	`score_4` integer DEFAULT 0 NOT NULL,
	`score_5` integer DEFAULT 0 NOT NULL,
	`score_6` integer DEFAULT 0 NOT NULL,
	`score_7` integer DEFAULT 0 NOT NULL,
	`score_8` integer DEFAULT 0 NOT NULL,
	`score_9` integer DEFAULT 0 NOT NULL,
	`score_10` integer DEFAULT 0 NOT NULL,
	`not_applicable` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`template_id`, `unit_id`, `area`)
);--> statement-breakpoint
-- hand-written:
-- The tallies (issue 19; docs/architecture.md, Självskattning): score histograms the triggers below
-- keep exact on every change of an answer and of a statement's place, so the heatmap, the trends and
-- the units in a year's scope read a few thousand rows instead of every answer. A score counts when
-- it is 1–10 or "ej tillämplig"; the unit tallies' scores leave archived statements out, their
-- answer_count counts every answer row. Derived data: filled from the answers here, written only by
-- these triggers, not audited (db/audit/trail.ts). (INSERT OR REPLACE would delete a conflicting
-- answer without firing the delete trigger; the app upserts with ON CONFLICT … DO UPDATE, whose
-- update fires the update trigger.)
INSERT INTO self_assessment_statement_tallies (template_statement_id, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, not_applicable)
  SELECT x.template_statement_id, sum(x.score IS 1), sum(x.score IS 2), sum(x.score IS 3), sum(x.score IS 4), sum(x.score IS 5), sum(x.score IS 6), sum(x.score IS 7), sum(x.score IS 8), sum(x.score IS 9), sum(x.score IS 10), sum(x.not_applicable IS 1)
  FROM self_assessment_answers x WHERE (x.score IS NOT NULL OR x.not_applicable = 1)
  GROUP BY x.template_statement_id;--> statement-breakpoint
INSERT INTO self_assessment_unit_tallies (template_id, unit_id, area, answer_count, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, not_applicable)
  SELECT s.template_id, x.unit_id, s.area, count(*), sum((x.score IS 1) * (s.archived_at IS NULL)), sum((x.score IS 2) * (s.archived_at IS NULL)), sum((x.score IS 3) * (s.archived_at IS NULL)), sum((x.score IS 4) * (s.archived_at IS NULL)), sum((x.score IS 5) * (s.archived_at IS NULL)), sum((x.score IS 6) * (s.archived_at IS NULL)), sum((x.score IS 7) * (s.archived_at IS NULL)), sum((x.score IS 8) * (s.archived_at IS NULL)), sum((x.score IS 9) * (s.archived_at IS NULL)), sum((x.score IS 10) * (s.archived_at IS NULL)), sum((x.not_applicable IS 1) * (s.archived_at IS NULL))
  FROM self_assessment_answers x JOIN self_assessment_template_statements s ON s.id = x.template_statement_id
  GROUP BY s.template_id, x.unit_id, s.area;--> statement-breakpoint
CREATE TRIGGER `self_assessment_answers_tally_insert` AFTER INSERT ON `self_assessment_answers`
BEGIN
  INSERT INTO self_assessment_statement_tallies (template_statement_id, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, not_applicable)
    SELECT NEW.template_statement_id, NEW.score IS 1, NEW.score IS 2, NEW.score IS 3, NEW.score IS 4, NEW.score IS 5, NEW.score IS 6, NEW.score IS 7, NEW.score IS 8, NEW.score IS 9, NEW.score IS 10, NEW.not_applicable IS 1
    WHERE (NEW.score IS NOT NULL OR NEW.not_applicable = 1)
    ON CONFLICT (template_statement_id) DO UPDATE SET score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2, score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4, score_5 = score_5 + excluded.score_5, score_6 = score_6 + excluded.score_6, score_7 = score_7 + excluded.score_7, score_8 = score_8 + excluded.score_8, score_9 = score_9 + excluded.score_9, score_10 = score_10 + excluded.score_10, not_applicable = not_applicable + excluded.not_applicable;
  INSERT INTO self_assessment_unit_tallies (template_id, unit_id, area, answer_count, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, not_applicable)
    SELECT s.template_id, NEW.unit_id, s.area, 1, (NEW.score IS 1) * (s.archived_at IS NULL), (NEW.score IS 2) * (s.archived_at IS NULL), (NEW.score IS 3) * (s.archived_at IS NULL), (NEW.score IS 4) * (s.archived_at IS NULL), (NEW.score IS 5) * (s.archived_at IS NULL), (NEW.score IS 6) * (s.archived_at IS NULL), (NEW.score IS 7) * (s.archived_at IS NULL), (NEW.score IS 8) * (s.archived_at IS NULL), (NEW.score IS 9) * (s.archived_at IS NULL), (NEW.score IS 10) * (s.archived_at IS NULL), (NEW.not_applicable IS 1) * (s.archived_at IS NULL)
    FROM self_assessment_template_statements s WHERE s.id = NEW.template_statement_id
    ON CONFLICT (template_id, unit_id, area) DO UPDATE SET answer_count = answer_count + excluded.answer_count, score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2, score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4, score_5 = score_5 + excluded.score_5, score_6 = score_6 + excluded.score_6, score_7 = score_7 + excluded.score_7, score_8 = score_8 + excluded.score_8, score_9 = score_9 + excluded.score_9, score_10 = score_10 + excluded.score_10, not_applicable = not_applicable + excluded.not_applicable;
END;--> statement-breakpoint
CREATE TRIGGER `self_assessment_answers_tally_delete` AFTER DELETE ON `self_assessment_answers`
BEGIN
  UPDATE self_assessment_statement_tallies SET score_1 = score_1 - (OLD.score IS 1), score_2 = score_2 - (OLD.score IS 2), score_3 = score_3 - (OLD.score IS 3), score_4 = score_4 - (OLD.score IS 4), score_5 = score_5 - (OLD.score IS 5), score_6 = score_6 - (OLD.score IS 6), score_7 = score_7 - (OLD.score IS 7), score_8 = score_8 - (OLD.score IS 8), score_9 = score_9 - (OLD.score IS 9), score_10 = score_10 - (OLD.score IS 10), not_applicable = not_applicable - (OLD.not_applicable IS 1)
    WHERE template_statement_id = OLD.template_statement_id AND (OLD.score IS NOT NULL OR OLD.not_applicable = 1);
  DELETE FROM self_assessment_statement_tallies WHERE template_statement_id = OLD.template_statement_id AND score_1 + score_2 + score_3 + score_4 + score_5 + score_6 + score_7 + score_8 + score_9 + score_10 + not_applicable = 0;
  UPDATE self_assessment_unit_tallies SET answer_count = answer_count - 1, score_1 = score_1 - (OLD.score IS 1) * s.asked, score_2 = score_2 - (OLD.score IS 2) * s.asked, score_3 = score_3 - (OLD.score IS 3) * s.asked, score_4 = score_4 - (OLD.score IS 4) * s.asked, score_5 = score_5 - (OLD.score IS 5) * s.asked, score_6 = score_6 - (OLD.score IS 6) * s.asked, score_7 = score_7 - (OLD.score IS 7) * s.asked, score_8 = score_8 - (OLD.score IS 8) * s.asked, score_9 = score_9 - (OLD.score IS 9) * s.asked, score_10 = score_10 - (OLD.score IS 10) * s.asked, not_applicable = not_applicable - (OLD.not_applicable IS 1) * s.asked
    FROM (SELECT template_id, area, archived_at IS NULL AS asked FROM self_assessment_template_statements WHERE id = OLD.template_statement_id) AS s
    WHERE self_assessment_unit_tallies.template_id = s.template_id AND self_assessment_unit_tallies.unit_id = OLD.unit_id AND self_assessment_unit_tallies.area = s.area;
  DELETE FROM self_assessment_unit_tallies WHERE unit_id = OLD.unit_id AND answer_count = 0
    AND (template_id, area) = (SELECT template_id, area FROM self_assessment_template_statements WHERE id = OLD.template_statement_id);
END;--> statement-breakpoint
-- The new values are added before the old are taken out, so a changed score never empties (and drops) the row it stays in.
CREATE TRIGGER `self_assessment_answers_tally_update` AFTER UPDATE OF score, not_applicable, template_statement_id, unit_id ON `self_assessment_answers`
  WHEN OLD.score IS NOT NEW.score OR OLD.not_applicable IS NOT NEW.not_applicable OR OLD.template_statement_id IS NOT NEW.template_statement_id OR OLD.unit_id IS NOT NEW.unit_id
BEGIN
  INSERT INTO self_assessment_statement_tallies (template_statement_id, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, not_applicable)
    SELECT NEW.template_statement_id, NEW.score IS 1, NEW.score IS 2, NEW.score IS 3, NEW.score IS 4, NEW.score IS 5, NEW.score IS 6, NEW.score IS 7, NEW.score IS 8, NEW.score IS 9, NEW.score IS 10, NEW.not_applicable IS 1
    WHERE (NEW.score IS NOT NULL OR NEW.not_applicable = 1)
    ON CONFLICT (template_statement_id) DO UPDATE SET score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2, score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4, score_5 = score_5 + excluded.score_5, score_6 = score_6 + excluded.score_6, score_7 = score_7 + excluded.score_7, score_8 = score_8 + excluded.score_8, score_9 = score_9 + excluded.score_9, score_10 = score_10 + excluded.score_10, not_applicable = not_applicable + excluded.not_applicable;
  INSERT INTO self_assessment_unit_tallies (template_id, unit_id, area, answer_count, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, not_applicable)
    SELECT s.template_id, NEW.unit_id, s.area, 1, (NEW.score IS 1) * (s.archived_at IS NULL), (NEW.score IS 2) * (s.archived_at IS NULL), (NEW.score IS 3) * (s.archived_at IS NULL), (NEW.score IS 4) * (s.archived_at IS NULL), (NEW.score IS 5) * (s.archived_at IS NULL), (NEW.score IS 6) * (s.archived_at IS NULL), (NEW.score IS 7) * (s.archived_at IS NULL), (NEW.score IS 8) * (s.archived_at IS NULL), (NEW.score IS 9) * (s.archived_at IS NULL), (NEW.score IS 10) * (s.archived_at IS NULL), (NEW.not_applicable IS 1) * (s.archived_at IS NULL)
    FROM self_assessment_template_statements s WHERE s.id = NEW.template_statement_id
    ON CONFLICT (template_id, unit_id, area) DO UPDATE SET answer_count = answer_count + excluded.answer_count, score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2, score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4, score_5 = score_5 + excluded.score_5, score_6 = score_6 + excluded.score_6, score_7 = score_7 + excluded.score_7, score_8 = score_8 + excluded.score_8, score_9 = score_9 + excluded.score_9, score_10 = score_10 + excluded.score_10, not_applicable = not_applicable + excluded.not_applicable;
  UPDATE self_assessment_statement_tallies SET score_1 = score_1 - (OLD.score IS 1), score_2 = score_2 - (OLD.score IS 2), score_3 = score_3 - (OLD.score IS 3), score_4 = score_4 - (OLD.score IS 4), score_5 = score_5 - (OLD.score IS 5), score_6 = score_6 - (OLD.score IS 6), score_7 = score_7 - (OLD.score IS 7), score_8 = score_8 - (OLD.score IS 8), score_9 = score_9 - (OLD.score IS 9), score_10 = score_10 - (OLD.score IS 10), not_applicable = not_applicable - (OLD.not_applicable IS 1)
    WHERE template_statement_id = OLD.template_statement_id AND (OLD.score IS NOT NULL OR OLD.not_applicable = 1);
  DELETE FROM self_assessment_statement_tallies WHERE template_statement_id = OLD.template_statement_id AND score_1 + score_2 + score_3 + score_4 + score_5 + score_6 + score_7 + score_8 + score_9 + score_10 + not_applicable = 0;
  UPDATE self_assessment_unit_tallies SET answer_count = answer_count - 1, score_1 = score_1 - (OLD.score IS 1) * s.asked, score_2 = score_2 - (OLD.score IS 2) * s.asked, score_3 = score_3 - (OLD.score IS 3) * s.asked, score_4 = score_4 - (OLD.score IS 4) * s.asked, score_5 = score_5 - (OLD.score IS 5) * s.asked, score_6 = score_6 - (OLD.score IS 6) * s.asked, score_7 = score_7 - (OLD.score IS 7) * s.asked, score_8 = score_8 - (OLD.score IS 8) * s.asked, score_9 = score_9 - (OLD.score IS 9) * s.asked, score_10 = score_10 - (OLD.score IS 10) * s.asked, not_applicable = not_applicable - (OLD.not_applicable IS 1) * s.asked
    FROM (SELECT template_id, area, archived_at IS NULL AS asked FROM self_assessment_template_statements WHERE id = OLD.template_statement_id) AS s
    WHERE self_assessment_unit_tallies.template_id = s.template_id AND self_assessment_unit_tallies.unit_id = OLD.unit_id AND self_assessment_unit_tallies.area = s.area;
  DELETE FROM self_assessment_unit_tallies WHERE unit_id = OLD.unit_id AND answer_count = 0
    AND (template_id, area) = (SELECT template_id, area FROM self_assessment_template_statements WHERE id = OLD.template_statement_id);
END;--> statement-breakpoint
-- A statement archived or restored, or moved to another area or template (the app moves only statements without
-- answers, but the tallies do not rely on it): its scores leave the unit tallies they counted in and join the ones
-- they count in now, and on a move its answer rows follow. A rare admin operation: one grouped read of the
-- statement's answers (one per unit) each way.
CREATE TRIGGER `self_assessment_template_statements_tally_move` AFTER UPDATE OF archived_at, area, template_id ON `self_assessment_template_statements`
  WHEN (OLD.archived_at IS NULL) IS NOT (NEW.archived_at IS NULL) OR OLD.template_id IS NOT NEW.template_id OR OLD.area IS NOT NEW.area
BEGIN
  INSERT INTO self_assessment_unit_tallies (template_id, unit_id, area, answer_count, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, not_applicable)
    SELECT NEW.template_id, x.unit_id, NEW.area, count(*) * (OLD.template_id IS NOT NEW.template_id OR OLD.area IS NOT NEW.area), sum(x.score IS 1) * (NEW.archived_at IS NULL), sum(x.score IS 2) * (NEW.archived_at IS NULL), sum(x.score IS 3) * (NEW.archived_at IS NULL), sum(x.score IS 4) * (NEW.archived_at IS NULL), sum(x.score IS 5) * (NEW.archived_at IS NULL), sum(x.score IS 6) * (NEW.archived_at IS NULL), sum(x.score IS 7) * (NEW.archived_at IS NULL), sum(x.score IS 8) * (NEW.archived_at IS NULL), sum(x.score IS 9) * (NEW.archived_at IS NULL), sum(x.score IS 10) * (NEW.archived_at IS NULL), sum(x.not_applicable IS 1) * (NEW.archived_at IS NULL)
    FROM self_assessment_answers x
    WHERE x.template_statement_id = NEW.id AND (NEW.archived_at IS NULL OR (OLD.template_id IS NOT NEW.template_id OR OLD.area IS NOT NEW.area))
    GROUP BY x.unit_id
    ON CONFLICT (template_id, unit_id, area) DO UPDATE SET answer_count = answer_count + excluded.answer_count, score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2, score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4, score_5 = score_5 + excluded.score_5, score_6 = score_6 + excluded.score_6, score_7 = score_7 + excluded.score_7, score_8 = score_8 + excluded.score_8, score_9 = score_9 + excluded.score_9, score_10 = score_10 + excluded.score_10, not_applicable = not_applicable + excluded.not_applicable;
  UPDATE self_assessment_unit_tallies SET answer_count = answer_count - d.d_answer_count * (OLD.template_id IS NOT NEW.template_id OR OLD.area IS NOT NEW.area), score_1 = score_1 - d.d_score_1 * (OLD.archived_at IS NULL), score_2 = score_2 - d.d_score_2 * (OLD.archived_at IS NULL), score_3 = score_3 - d.d_score_3 * (OLD.archived_at IS NULL), score_4 = score_4 - d.d_score_4 * (OLD.archived_at IS NULL), score_5 = score_5 - d.d_score_5 * (OLD.archived_at IS NULL), score_6 = score_6 - d.d_score_6 * (OLD.archived_at IS NULL), score_7 = score_7 - d.d_score_7 * (OLD.archived_at IS NULL), score_8 = score_8 - d.d_score_8 * (OLD.archived_at IS NULL), score_9 = score_9 - d.d_score_9 * (OLD.archived_at IS NULL), score_10 = score_10 - d.d_score_10 * (OLD.archived_at IS NULL), not_applicable = not_applicable - d.d_not_applicable * (OLD.archived_at IS NULL)
    FROM (SELECT x.unit_id, count(*) AS d_answer_count, sum(x.score IS 1) AS d_score_1, sum(x.score IS 2) AS d_score_2, sum(x.score IS 3) AS d_score_3, sum(x.score IS 4) AS d_score_4, sum(x.score IS 5) AS d_score_5, sum(x.score IS 6) AS d_score_6, sum(x.score IS 7) AS d_score_7, sum(x.score IS 8) AS d_score_8, sum(x.score IS 9) AS d_score_9, sum(x.score IS 10) AS d_score_10, sum(x.not_applicable IS 1) AS d_not_applicable
          FROM self_assessment_answers x WHERE x.template_statement_id = OLD.id GROUP BY x.unit_id) AS d
    WHERE (OLD.archived_at IS NULL OR (OLD.template_id IS NOT NEW.template_id OR OLD.area IS NOT NEW.area))
      AND self_assessment_unit_tallies.template_id = OLD.template_id AND self_assessment_unit_tallies.area = OLD.area AND self_assessment_unit_tallies.unit_id = d.unit_id;
  DELETE FROM self_assessment_unit_tallies WHERE template_id = OLD.template_id AND area = OLD.area AND answer_count = 0;
END;
