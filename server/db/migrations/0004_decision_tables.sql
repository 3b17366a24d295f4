CREATE TABLE "approvals" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text,
	"meeting_date" text NOT NULL,
	"minute_ref" text NOT NULL,
	"application_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" text PRIMARY KEY NOT NULL,
	"notice_id" text NOT NULL,
	"application_id" text NOT NULL,
	"objector_kind" text NOT NULL,
	"real_name" text NOT NULL,
	"unit_name" text,
	"contact" text NOT NULL,
	"seal_file_id" text,
	"content" text NOT NULL,
	"facts" text NOT NULL,
	"received_on" text NOT NULL,
	"status" text NOT NULL,
	"investigation_notes" text,
	"resolution" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"received_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "on_site_verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"visited_on" text NOT NULL,
	"team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"findings" text NOT NULL,
	"conclusion" text NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text,
	"title" text NOT NULL,
	"start_on" text NOT NULL,
	"end_on" text NOT NULL,
	"working_days" integer NOT NULL,
	"edition" text NOT NULL,
	"application_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text,
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"document_number" text NOT NULL,
	"issued_on" text NOT NULL,
	"title" text NOT NULL,
	"application_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"edition" text NOT NULL,
	"issued_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "approvals_call_idx" ON "approvals" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "objections_notice_idx" ON "objections" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "objections_application_idx" ON "objections" USING btree ("application_id","status");--> statement-breakpoint
CREATE INDEX "on_site_verifications_application_idx" ON "on_site_verifications" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "public_notices_call_idx" ON "public_notices" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_documents_number_key" ON "recognition_documents" USING btree ("prefix","year","number");