CREATE TABLE "call_notice_files" (
	"call_id" text NOT NULL,
	"file_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "call_notice_files_call_id_file_id_pk" PRIMARY KEY("call_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "call_notices" (
	"call_id" text PRIMARY KEY NOT NULL,
	"title_zh" text NOT NULL,
	"body_zh" text DEFAULT '' NOT NULL,
	"published_on" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "call_notices_published_idx" ON "call_notices" USING btree ("published_on");