CREATE TABLE "recommendation_letters" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"recommender_id" text NOT NULL,
	"file_id" text NOT NULL,
	"application_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "recommendation_letters_call_idx" ON "recommendation_letters" USING btree ("call_id","recommender_id");