CREATE TABLE "printed_documents" (
	"digest" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"first_generated_at" timestamp with time zone NOT NULL,
	"last_generated_at" timestamp with time zone NOT NULL,
	"generated_by" text
);
--> statement-breakpoint
CREATE INDEX "printed_documents_code_idx" ON "printed_documents" USING btree ("code");--> statement-breakpoint
CREATE INDEX "printed_documents_subject_idx" ON "printed_documents" USING btree ("subject_type","subject_id");