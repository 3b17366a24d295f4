CREATE TABLE "recommendation_opinions" (
	"application_id" text NOT NULL,
	"recommender_id" text NOT NULL,
	"opinion" text NOT NULL,
	"updated_by" text,
	"updated_by_name" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recommendation_opinions_application_id_recommender_id_pk" PRIMARY KEY("application_id","recommender_id")
);
