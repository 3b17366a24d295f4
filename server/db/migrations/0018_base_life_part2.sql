CREATE TABLE "alliance_activities" (
	"id" text PRIMARY KEY NOT NULL,
	"alliance_id" text NOT NULL,
	"held_on" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_members" (
	"id" text PRIMARY KEY NOT NULL,
	"alliance_id" text NOT NULL,
	"base_id" text NOT NULL,
	"joined_on" text NOT NULL,
	"left_on" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliances" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"lead_base_id" text NOT NULL,
	"founded_on" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"charter_file_id" text,
	"dissolved_on" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"base_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"kind" text NOT NULL,
	"changed_on" text NOT NULL,
	"due_on" text NOT NULL,
	"state" text NOT NULL,
	"proposed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"previous" jsonb,
	"description" text DEFAULT '' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"filed_on" text,
	"filed_late" boolean,
	"edition" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revocation_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"base_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"ground" integer NOT NULL,
	"source" text NOT NULL,
	"state" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"source_ref" jsonb,
	"return_reason" text,
	"meeting_date" text,
	"minute_ref" text,
	"prefix" text,
	"year" integer,
	"number" integer,
	"document_number" text,
	"revoked_on" text,
	"dismissed_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"edition" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "national_platforms" ADD COLUMN "base_id" text;--> statement-breakpoint
ALTER TABLE "national_platforms" ADD COLUMN "revoked_on" text;--> statement-breakpoint
CREATE INDEX "alliance_activities_alliance_idx" ON "alliance_activities" USING btree ("alliance_id","held_on");--> statement-breakpoint
CREATE INDEX "alliance_members_alliance_idx" ON "alliance_members" USING btree ("alliance_id");--> statement-breakpoint
CREATE INDEX "alliance_members_base_idx" ON "alliance_members" USING btree ("base_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alliance_members_current_key" ON "alliance_members" USING btree ("alliance_id","base_id") WHERE "alliance_members"."left_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "alliances_name_key" ON "alliances" USING btree ("name");--> statement-breakpoint
CREATE INDEX "change_reports_base_idx" ON "change_reports" USING btree ("base_id","changed_on");--> statement-breakpoint
CREATE INDEX "change_reports_unit_idx" ON "change_reports" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "change_reports_state_idx" ON "change_reports" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "revocation_cases_base_idx" ON "revocation_cases" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "revocation_cases_state_idx" ON "revocation_cases" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "revocation_cases_number_key" ON "revocation_cases" USING btree ("prefix","year","number") WHERE "revocation_cases"."number" is not null;