CREATE TABLE "assistant_faqs" (
	"id" text PRIMARY KEY NOT NULL,
	"questions" jsonb NOT NULL,
	"answer_zh" text NOT NULL,
	"answer_en" text DEFAULT '' NOT NULL,
	"articles" jsonb NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text,
	"edition" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "assistant_faqs_deleted_idx" ON "assistant_faqs" USING btree ("deleted_at");