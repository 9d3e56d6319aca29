-- Edited by hand from the generated diff, to keep what is signed in: each refresh-token family
-- becomes a login session with the family's id, so refresh tokens stay good. Access tokens issued
-- before carry no session (sid) and are refused with 401, and clients refresh them.

-- CreateTable
CREATE TABLE "login_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "login_sessions_user_id_idx" ON "login_sessions"("user_id");

-- One session per family: revoked when all its tokens are, over when its newest token expires.
INSERT INTO "login_sessions" ("id", "user_id", "expires_at", "revoked_at", "created_at")
SELECT "family_id",
       (array_agg("user_id"))[1],
       max("expires_at"),
       CASE WHEN bool_and("revoked_at" IS NOT NULL) THEN max("revoked_at") END,
       min("created_at")
FROM "refresh_tokens"
GROUP BY "family_id";

-- AlterTable (the family id is the session id)
ALTER TABLE "refresh_tokens" RENAME COLUMN "family_id" TO "session_id";
ALTER INDEX "refresh_tokens_family_id_idx" RENAME TO "refresh_tokens_session_id_idx";
-- PostgreSQL 18 names NOT NULL constraints after the column: set again, it takes the new name.
ALTER TABLE "refresh_tokens" ALTER COLUMN "session_id" DROP NOT NULL;
ALTER TABLE "refresh_tokens" ALTER COLUMN "session_id" SET NOT NULL;

-- AlterTable
ALTER TABLE "login_attempts" ADD COLUMN     "user_id" UUID;

-- The day of attempts kept: counted by account from now on, whichever identifier they typed.
UPDATE "login_attempts" a SET "user_id" = u."id" FROM "users" u WHERE a."account" IN (u."email", u."username");

-- CreateIndex
CREATE INDEX "login_attempts_user_id_created_at_idx" ON "login_attempts"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "login_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
