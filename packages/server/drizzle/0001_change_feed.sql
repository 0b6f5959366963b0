-- Change feed (F42): a server position per event, handed out from one counter row.
CREATE TABLE "feed_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
-- Added nullable, backfilled, then made NOT NULL: existing events get positions in id order
-- (their insertion order) and their match's tournament.
ALTER TABLE "match_events" ADD COLUMN "feed_position" bigint;--> statement-breakpoint
ALTER TABLE "match_events" ADD COLUMN "tournament_id" text;--> statement-breakpoint
UPDATE "match_events" AS e SET "feed_position" = n."rn", "tournament_id" = m."tournament_id"
FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS "rn" FROM "match_events") AS n, "matches" AS m
WHERE n."id" = e."id" AND m."id" = e."match_id";--> statement-breakpoint
ALTER TABLE "match_events" ALTER COLUMN "feed_position" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "match_events" ALTER COLUMN "tournament_id" SET NOT NULL;--> statement-breakpoint
INSERT INTO "feed_head" ("id", "position") SELECT 1, coalesce(max("feed_position"), 0) FROM "match_events";--> statement-breakpoint
CREATE INDEX "match_events_tournament_feed_idx" ON "match_events" USING btree ("tournament_id","feed_position");--> statement-breakpoint
CREATE INDEX "match_events_match_feed_idx" ON "match_events" USING btree ("match_id","feed_position");--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_feed_position_key" UNIQUE("feed_position");
