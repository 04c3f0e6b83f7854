CREATE TABLE `council_agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`view_name` text,
	`view_params` text,
	`heading` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`snapshot_id` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `council_meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`snapshot_id`) REFERENCES `snapshots`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "council_agenda_items_view" CHECK((kind = 'view') = (view_name IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `council_agenda_items_meeting_idx` ON `council_agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `council_agenda_items_snapshot_idx` ON `council_agenda_items` (`snapshot_id`);--> statement-breakpoint
CREATE TABLE `council_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_date` text NOT NULL,
	`title` text NOT NULL,
	`operating_area_id` text,
	`status` text DEFAULT 'planerad' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`operating_area_id`) REFERENCES `operating_areas`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `council_meetings_date_idx` ON `council_meetings` (`meeting_date`);--> statement-breakpoint
CREATE INDEX `council_meetings_area_idx` ON `council_meetings` (`operating_area_id`,`meeting_date`);--> statement-breakpoint
CREATE TABLE `council_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `council_meetings`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `council_participants_meeting_idx` ON `council_participants` (`meeting_id`,`position`);--> statement-breakpoint
ALTER TABLE `actions` ADD `council_item_id` text REFERENCES council_agenda_items(id);--> statement-breakpoint
CREATE INDEX `actions_council_item_idx` ON `actions` (`council_item_id`);