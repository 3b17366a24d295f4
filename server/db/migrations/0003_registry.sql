CREATE TABLE "bases" (
	"id" text PRIMARY KEY NOT NULL,
	"standard_name" text NOT NULL,
	"unit_id" text NOT NULL,
	"recommender_id" text,
	"application_id" text,
	"type" text NOT NULL,
	"field" text NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"is_offshore" boolean DEFAULT false NOT NULL,
	"offshore_country" text,
	"region" text,
	"college" text,
	"director_person_id" text,
	"director_name" text DEFAULT '' NOT NULL,
	"countries" jsonb DEFAULT '{"key":[],"main":[],"radiating":[]}'::jsonb NOT NULL,
	"recognized_on" text NOT NULL,
	"document_number" text NOT NULL,
	"origin" text NOT NULL,
	"edition" text NOT NULL,
	"status" text NOT NULL,
	"status_changed_on" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_records" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_kind" text NOT NULL,
	"unit_id" text,
	"person_id" text,
	"kind" text NOT NULL,
	"recorded_on" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_platforms" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"approved_on" text,
	"document_number" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revocations" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"base_id" text,
	"base_name" text NOT NULL,
	"ground" text NOT NULL,
	"revoked_on" text NOT NULL,
	"document_number" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "bases_unit_idx" ON "bases" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "bases_status_idx" ON "bases" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "bases_name_unit_key" ON "bases" USING btree ("standard_name","unit_id");--> statement-breakpoint
CREATE INDEX "credit_records_unit_idx" ON "credit_records" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "credit_records_person_idx" ON "credit_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "national_platforms_unit_idx" ON "national_platforms" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "revocations_unit_idx" ON "revocations" USING btree ("unit_id");