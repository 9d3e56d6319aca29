-- Written by hand, data only. The demo leads earlier starts generated had contacts on real
-- platforms (instagram.com, tiktok.com, *.bandcamp.com, ...): plausible handles of real strangers.
-- Demo contacts now use example.com and .invalid only, so the old ones go (npm run cli -- demo
-- remove, then demo add, generates the demo leads again with theirs)
DELETE FROM "lead_contacts"
WHERE "artist_id" IN (SELECT "id" FROM "artists" WHERE "demo")
  AND "value" !~ '(^|[/.@])example\.com(/|$)'
  AND "value" !~ '\.invalid(/|$)';
