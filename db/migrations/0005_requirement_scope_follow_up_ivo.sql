CREATE TABLE `quality_requirement_legal_bases` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`legal_basis` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`version_id`) REFERENCES `quality_requirement_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_requirement_legal_bases_unique` ON `quality_requirement_legal_bases` (`version_id`,`legal_basis`);--> statement-breakpoint
CREATE TABLE `quality_requirement_unit_types` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`unit_type` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`version_id`) REFERENCES `quality_requirement_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_requirement_unit_types_unique` ON `quality_requirement_unit_types` (`version_id`,`unit_type`);--> statement-breakpoint
ALTER TABLE `inspections` ADD `ivo_decision_date` text;--> statement-breakpoint
ALTER TABLE `inspections` ADD `ivo_case_number` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspections` ADD `ivo_answer_sent_at` text;--> statement-breakpoint
ALTER TABLE `quality_requirement_versions` ADD `judged_at_commissioner` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `provider_plan_received_on` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `provider_plan_summary` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `commissioner_informed_on` text;
--> statement-breakpoint
-- hand-written:
-- The seed catalogue's legal bases, verksamhetstyper and decision-time flag (db/seed/qualityRequirements.ts)
-- for databases that loaded it before this migration: the current version of each requirement whose
-- code and title are still the seed's gets them (one row per code). Requirements edited or added by
-- the user are left as they are (no scope = applies to every type, as before).
INSERT INTO quality_requirement_legal_bases (id, version_id, legal_basis, updated_by)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), (
  SELECT v.id FROM quality_requirement_versions v JOIN quality_requirements r ON r.id = v.requirement_id
  WHERE r.code = s.code AND v.title = s.title
    AND v.version = (SELECT max(version) FROM quality_requirement_versions w WHERE w.requirement_id = v.requirement_id)
    AND NOT EXISTS (SELECT 1 FROM quality_requirement_legal_bases x WHERE x.version_id = v.id)), s.code_value, 'migration 0005'
FROM (SELECT column1 AS code, column2 AS title, column3 AS code_value FROM (VALUES
  ('K01', 'Genomförandeplan med delaktighet', 'sol'),
  ('K01', 'Genomförandeplan med delaktighet', 'lss'),
  ('K01', 'Genomförandeplan med delaktighet', 'sosfs_2014_5'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'sol'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'lss'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'hsl'),
  ('K03', 'Omsorgskontinuitet', 'sol'),
  ('K03', 'Omsorgskontinuitet', 'lss'),
  ('K04', 'Nationella kvalitetsregister', 'hsl'),
  ('K05', 'Riskbedömningar', 'hsl'),
  ('K05', 'Riskbedömningar', 'sosfs_2014_10'),
  ('K06', 'Vårdplan för riskbedömd patient', 'hsl'),
  ('K06', 'Vårdplan för riskbedömd patient', 'hslf_fs_2016_40'),
  ('K07', 'Måltidsordning över hela dygnet', 'sol'),
  ('K07', 'Måltidsordning över hela dygnet', 'sosfs_2014_10'),
  ('K08', 'Rapportering av risker och vårdskador', 'psl'),
  ('K08', 'Rapportering av risker och vårdskador', 'sosfs_2011_9'),
  ('K09', 'Synpunkter och klagomål', 'sosfs_2011_9'),
  ('K10', 'Lex Sarah', 'sol'),
  ('K10', 'Lex Sarah', 'lss'),
  ('K10', 'Lex Sarah', 'sosfs_2011_5'),
  ('V01', 'En kontakt räcker', 'kommunalt_beslut'),
  ('V02', 'Fixarservice inom en vecka', 'kommunalt_beslut'),
  ('V03', 'Beslut om hemtjänstinsatser', 'kommunalt_beslut'),
  ('V03', 'Beslut om hemtjänstinsatser', 'sol'),
  ('V04', 'Beslut om boende inom äldreomsorgen', 'kommunalt_beslut'),
  ('V04', 'Beslut om boende inom äldreomsorgen', 'sol'),
  ('V05', 'Beslut om insatser inom funktionsstöd', 'kommunalt_beslut'),
  ('V05', 'Beslut om insatser inom funktionsstöd', 'lss'),
  ('V06', 'Beslut om avgifter', 'kommunalt_beslut'),
  ('V06', 'Beslut om avgifter', 'sol'),
  ('V07', 'Information och rådgivning om hjälpmedel', 'kommunalt_beslut'),
  ('V07', 'Information och rådgivning om hjälpmedel', 'hsl'),
  ('V08', 'Kontakt efter beviljad LSS-insats', 'kommunalt_beslut'),
  ('V08', 'Kontakt efter beviljad LSS-insats', 'lss'),
  ('V09', 'Genomförandeplan inom två veckor', 'kommunalt_beslut'),
  ('V09', 'Genomförandeplan inom två veckor', 'sol'),
  ('V09', 'Genomförandeplan inom två veckor', 'lss'),
  ('V09', 'Genomförandeplan inom två veckor', 'sosfs_2014_5'),
  ('V10', 'Kontaktpersonal', 'kommunalt_beslut'),
  ('V11', 'Aktivitet varje vecka', 'kommunalt_beslut'),
  ('V12', 'Välkomstsamtal och uppföljningssamtal', 'kommunalt_beslut'),
  ('V13', 'Hälsogenomgång vid inflyttning', 'kommunalt_beslut'),
  ('V13', 'Hälsogenomgång vid inflyttning', 'hsl'),
  ('V14', 'Ringa eller knacka', 'kommunalt_beslut'),
  ('V15', 'Namnskylt eller tjänst-id', 'kommunalt_beslut'),
  ('V16', 'Avtalad tid', 'kommunalt_beslut')
)) s
WHERE EXISTS (
  SELECT v.id FROM quality_requirement_versions v JOIN quality_requirements r ON r.id = v.requirement_id
  WHERE r.code = s.code AND v.title = s.title
    AND v.version = (SELECT max(version) FROM quality_requirement_versions w WHERE w.requirement_id = v.requirement_id)
    AND NOT EXISTS (SELECT 1 FROM quality_requirement_legal_bases x WHERE x.version_id = v.id));
--> statement-breakpoint
INSERT INTO quality_requirement_unit_types (id, version_id, unit_type, updated_by)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), (
  SELECT v.id FROM quality_requirement_versions v JOIN quality_requirements r ON r.id = v.requirement_id
  WHERE r.code = s.code AND v.title = s.title
    AND v.version = (SELECT max(version) FROM quality_requirement_versions w WHERE w.requirement_id = v.requirement_id)
    AND NOT EXISTS (SELECT 1 FROM quality_requirement_unit_types x WHERE x.version_id = v.id)), s.code_value, 'migration 0005'
FROM (SELECT column1 AS code, column2 AS title, column3 AS code_value FROM (VALUES
  ('K01', 'Genomförandeplan med delaktighet', 'hemtjanst'),
  ('K01', 'Genomförandeplan med delaktighet', 'sarskilt_boende'),
  ('K01', 'Genomförandeplan med delaktighet', 'korttidsboende'),
  ('K01', 'Genomförandeplan med delaktighet', 'lss_gruppbostad'),
  ('K01', 'Genomförandeplan med delaktighet', 'lss_servicebostad'),
  ('K01', 'Genomförandeplan med delaktighet', 'daglig_verksamhet'),
  ('K01', 'Genomförandeplan med delaktighet', 'boendestod'),
  ('K01', 'Genomförandeplan med delaktighet', 'ifo'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'hemtjanst'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'sarskilt_boende'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'korttidsboende'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'lss_gruppbostad'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'lss_servicebostad'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'daglig_verksamhet'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'hemsjukvard'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'boendestod'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'ifo'),
  ('K02', 'Bemanning och kompetens motsvarar uppdraget', 'annan'),
  ('K03', 'Omsorgskontinuitet', 'hemtjanst'),
  ('K03', 'Omsorgskontinuitet', 'sarskilt_boende'),
  ('K03', 'Omsorgskontinuitet', 'korttidsboende'),
  ('K03', 'Omsorgskontinuitet', 'lss_gruppbostad'),
  ('K03', 'Omsorgskontinuitet', 'lss_servicebostad'),
  ('K03', 'Omsorgskontinuitet', 'daglig_verksamhet'),
  ('K03', 'Omsorgskontinuitet', 'boendestod'),
  ('K03', 'Omsorgskontinuitet', 'hemsjukvard'),
  ('K04', 'Nationella kvalitetsregister', 'sarskilt_boende'),
  ('K04', 'Nationella kvalitetsregister', 'korttidsboende'),
  ('K04', 'Nationella kvalitetsregister', 'hemsjukvard'),
  ('K05', 'Riskbedömningar', 'sarskilt_boende'),
  ('K05', 'Riskbedömningar', 'korttidsboende'),
  ('K05', 'Riskbedömningar', 'hemsjukvard'),
  ('K05', 'Riskbedömningar', 'lss_gruppbostad'),
  ('K06', 'Vårdplan för riskbedömd patient', 'sarskilt_boende'),
  ('K06', 'Vårdplan för riskbedömd patient', 'korttidsboende'),
  ('K06', 'Vårdplan för riskbedömd patient', 'hemsjukvard'),
  ('K06', 'Vårdplan för riskbedömd patient', 'lss_gruppbostad'),
  ('K07', 'Måltidsordning över hela dygnet', 'sarskilt_boende'),
  ('K07', 'Måltidsordning över hela dygnet', 'korttidsboende'),
  ('K07', 'Måltidsordning över hela dygnet', 'lss_gruppbostad'),
  ('K08', 'Rapportering av risker och vårdskador', 'hemtjanst'),
  ('K08', 'Rapportering av risker och vårdskador', 'sarskilt_boende'),
  ('K08', 'Rapportering av risker och vårdskador', 'korttidsboende'),
  ('K08', 'Rapportering av risker och vårdskador', 'hemsjukvard'),
  ('K08', 'Rapportering av risker och vårdskador', 'lss_gruppbostad'),
  ('K08', 'Rapportering av risker och vårdskador', 'lss_servicebostad'),
  ('K09', 'Synpunkter och klagomål', 'hemtjanst'),
  ('K09', 'Synpunkter och klagomål', 'sarskilt_boende'),
  ('K09', 'Synpunkter och klagomål', 'korttidsboende'),
  ('K09', 'Synpunkter och klagomål', 'lss_gruppbostad'),
  ('K09', 'Synpunkter och klagomål', 'lss_servicebostad'),
  ('K09', 'Synpunkter och klagomål', 'daglig_verksamhet'),
  ('K09', 'Synpunkter och klagomål', 'hemsjukvard'),
  ('K09', 'Synpunkter och klagomål', 'boendestod'),
  ('K09', 'Synpunkter och klagomål', 'ifo'),
  ('K09', 'Synpunkter och klagomål', 'annan'),
  ('K10', 'Lex Sarah', 'hemtjanst'),
  ('K10', 'Lex Sarah', 'sarskilt_boende'),
  ('K10', 'Lex Sarah', 'korttidsboende'),
  ('K10', 'Lex Sarah', 'lss_gruppbostad'),
  ('K10', 'Lex Sarah', 'lss_servicebostad'),
  ('K10', 'Lex Sarah', 'daglig_verksamhet'),
  ('K10', 'Lex Sarah', 'boendestod'),
  ('K10', 'Lex Sarah', 'ifo'),
  ('V01', 'En kontakt räcker', 'hemtjanst'),
  ('V01', 'En kontakt räcker', 'sarskilt_boende'),
  ('V01', 'En kontakt räcker', 'korttidsboende'),
  ('V01', 'En kontakt räcker', 'lss_gruppbostad'),
  ('V01', 'En kontakt räcker', 'lss_servicebostad'),
  ('V01', 'En kontakt räcker', 'daglig_verksamhet'),
  ('V01', 'En kontakt räcker', 'hemsjukvard'),
  ('V01', 'En kontakt räcker', 'boendestod'),
  ('V01', 'En kontakt räcker', 'ifo'),
  ('V01', 'En kontakt räcker', 'annan'),
  ('V02', 'Fixarservice inom en vecka', 'annan'),
  ('V03', 'Beslut om hemtjänstinsatser', 'hemtjanst'),
  ('V04', 'Beslut om boende inom äldreomsorgen', 'sarskilt_boende'),
  ('V04', 'Beslut om boende inom äldreomsorgen', 'korttidsboende'),
  ('V05', 'Beslut om insatser inom funktionsstöd', 'lss_gruppbostad'),
  ('V05', 'Beslut om insatser inom funktionsstöd', 'lss_servicebostad'),
  ('V05', 'Beslut om insatser inom funktionsstöd', 'daglig_verksamhet'),
  ('V06', 'Beslut om avgifter', 'hemtjanst'),
  ('V06', 'Beslut om avgifter', 'sarskilt_boende'),
  ('V06', 'Beslut om avgifter', 'korttidsboende'),
  ('V06', 'Beslut om avgifter', 'hemsjukvard'),
  ('V07', 'Information och rådgivning om hjälpmedel', 'hemsjukvard'),
  ('V08', 'Kontakt efter beviljad LSS-insats', 'lss_gruppbostad'),
  ('V08', 'Kontakt efter beviljad LSS-insats', 'lss_servicebostad'),
  ('V08', 'Kontakt efter beviljad LSS-insats', 'daglig_verksamhet'),
  ('V09', 'Genomförandeplan inom två veckor', 'hemtjanst'),
  ('V09', 'Genomförandeplan inom två veckor', 'sarskilt_boende'),
  ('V09', 'Genomförandeplan inom två veckor', 'korttidsboende'),
  ('V09', 'Genomförandeplan inom två veckor', 'lss_gruppbostad'),
  ('V09', 'Genomförandeplan inom två veckor', 'lss_servicebostad'),
  ('V09', 'Genomförandeplan inom två veckor', 'daglig_verksamhet'),
  ('V09', 'Genomförandeplan inom två veckor', 'boendestod'),
  ('V09', 'Genomförandeplan inom två veckor', 'ifo'),
  ('V10', 'Kontaktpersonal', 'hemtjanst'),
  ('V10', 'Kontaktpersonal', 'sarskilt_boende'),
  ('V10', 'Kontaktpersonal', 'korttidsboende'),
  ('V10', 'Kontaktpersonal', 'lss_gruppbostad'),
  ('V10', 'Kontaktpersonal', 'lss_servicebostad'),
  ('V10', 'Kontaktpersonal', 'daglig_verksamhet'),
  ('V10', 'Kontaktpersonal', 'boendestod'),
  ('V11', 'Aktivitet varje vecka', 'sarskilt_boende'),
  ('V11', 'Aktivitet varje vecka', 'korttidsboende'),
  ('V11', 'Aktivitet varje vecka', 'lss_gruppbostad'),
  ('V12', 'Välkomstsamtal och uppföljningssamtal', 'hemtjanst'),
  ('V12', 'Välkomstsamtal och uppföljningssamtal', 'sarskilt_boende'),
  ('V12', 'Välkomstsamtal och uppföljningssamtal', 'korttidsboende'),
  ('V12', 'Välkomstsamtal och uppföljningssamtal', 'boendestod'),
  ('V13', 'Hälsogenomgång vid inflyttning', 'sarskilt_boende'),
  ('V14', 'Ringa eller knacka', 'hemtjanst'),
  ('V14', 'Ringa eller knacka', 'hemsjukvard'),
  ('V14', 'Ringa eller knacka', 'boendestod'),
  ('V14', 'Ringa eller knacka', 'sarskilt_boende'),
  ('V14', 'Ringa eller knacka', 'korttidsboende'),
  ('V14', 'Ringa eller knacka', 'lss_gruppbostad'),
  ('V14', 'Ringa eller knacka', 'lss_servicebostad'),
  ('V15', 'Namnskylt eller tjänst-id', 'hemtjanst'),
  ('V15', 'Namnskylt eller tjänst-id', 'hemsjukvard'),
  ('V15', 'Namnskylt eller tjänst-id', 'boendestod'),
  ('V16', 'Avtalad tid', 'hemtjanst'),
  ('V16', 'Avtalad tid', 'hemsjukvard'),
  ('V16', 'Avtalad tid', 'boendestod')
)) s
WHERE EXISTS (
  SELECT v.id FROM quality_requirement_versions v JOIN quality_requirements r ON r.id = v.requirement_id
  WHERE r.code = s.code AND v.title = s.title
    AND v.version = (SELECT max(version) FROM quality_requirement_versions w WHERE w.requirement_id = v.requirement_id)
    AND NOT EXISTS (SELECT 1 FROM quality_requirement_unit_types x WHERE x.version_id = v.id));
--> statement-breakpoint
UPDATE quality_requirement_versions SET judged_at_commissioner = 1
WHERE id IN (
  SELECT v.id FROM quality_requirement_versions v JOIN quality_requirements r ON r.id = v.requirement_id
  WHERE (r.code, v.title) IN (VALUES ('V03', 'Beslut om hemtjänstinsatser'), ('V04', 'Beslut om boende inom äldreomsorgen'), ('V05', 'Beslut om insatser inom funktionsstöd'), ('V06', 'Beslut om avgifter'))
    AND v.version = (SELECT max(version) FROM quality_requirement_versions w WHERE w.requirement_id = v.requirement_id)
);
