-- Score APIs (F41): who plays a match (team ids) and in which division, for the filters of
-- GET /api/v1/events/:eventId/scores. Kept beside `matches` (one row per match) so providers
-- can fill it without touching the scoring columns. Existing matches get ids made from the
-- team names (the same rule the server uses for a match without a row here).
CREATE TABLE "match_teams" (
	"match_id" text PRIMARY KEY NOT NULL,
	"division" text,
	"team_a_id" text NOT NULL,
	"team_b_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_teams" ADD CONSTRAINT "match_teams_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_teams_team_a_idx" ON "match_teams" USING btree ("team_a_id");--> statement-breakpoint
CREATE INDEX "match_teams_team_b_idx" ON "match_teams" USING btree ("team_b_id");--> statement-breakpoint
INSERT INTO "match_teams" ("match_id", "team_a_id", "team_b_id")
SELECT "id",
  trim(both '-' from lower(regexp_replace("team_a", '[^A-Za-z0-9]+', '-', 'g'))),
  trim(both '-' from lower(regexp_replace("team_b", '[^A-Za-z0-9]+', '-', 'g')))
FROM "matches";
--> statement-breakpoint
-- Full scoring rules (F3, F41; added by the scoring helper): timeouts, substitutions,
-- sanctions, the first server of a set and officials' corrections are events of a match's log.
ALTER TABLE "match_events" DROP CONSTRAINT "match_events_type_check";--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_type_check" CHECK ("match_events"."type" in ('rally', 'undo', 'timeout', 'substitution', 'sanction', 'first-server', 'correction'));
