CREATE TABLE "achievements" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"report_id" text NOT NULL,
	"base_id" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"partner" text,
	"country" text,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"withdrawn_by" text,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yearly_files" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"slot" text NOT NULL,
	"file_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reports" ADD COLUMN "correction_request" text;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD COLUMN "correction_due_on" text;--> statement-breakpoint
CREATE INDEX "achievements_year_idx" ON "achievements" USING btree ("year");--> statement-breakpoint
CREATE INDEX "achievements_base_idx" ON "achievements" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "yearly_files_subject_idx" ON "yearly_files" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "yearly_files_slot_key" ON "yearly_files" USING btree ("subject_kind","subject_id","slot","file_id");