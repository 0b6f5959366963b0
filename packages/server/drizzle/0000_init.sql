CREATE TABLE "match_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"match_id" text NOT NULL,
	"position" integer NOT NULL,
	"op_id" text NOT NULL,
	"client_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"client_time" timestamp with time zone NOT NULL,
	"server_time" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_events_op_id_key" UNIQUE("op_id"),
	CONSTRAINT "match_events_client_seq_key" UNIQUE("client_id","seq"),
	CONSTRAINT "match_events_match_position_key" UNIQUE("match_id","position"),
	CONSTRAINT "match_events_type_check" CHECK ("match_events"."type" in ('rally', 'undo'))
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" text PRIMARY KEY NOT NULL,
	"tournament_id" text NOT NULL,
	"format" text NOT NULL,
	"team_a" text NOT NULL,
	"team_b" text NOT NULL,
	"court" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_format_check" CHECK ("matches"."format" in ('indoor', 'beach')),
	CONSTRAINT "matches_status_check" CHECK ("matches"."status" in ('scheduled', 'live', 'finished'))
);
--> statement-breakpoint
CREATE TABLE "push_cursors" (
	"client_id" text PRIMARY KEY NOT NULL,
	"last_seq" integer NOT NULL,
	"ops_applied" integer DEFAULT 0 NOT NULL,
	"last_push_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tournaments" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_tournament_id_tournaments_id_fk" FOREIGN KEY ("tournament_id") REFERENCES "public"."tournaments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matches_tournament_idx" ON "matches" USING btree ("tournament_id","scheduled_at");