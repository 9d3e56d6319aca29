-- CreateEnum
CREATE TYPE "invitation_status" AS ENUM ('pending', 'accepted', 'declined', 'canceled');

-- CreateTable
CREATE TABLE "subscription_invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subscription_id" UUID NOT NULL,
    "email" TEXT,
    "username" TEXT,
    "status" "invitation_status" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),

    CONSTRAINT "subscription_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "subscription_invitations_subscription_id_status_idx" ON "subscription_invitations"("subscription_id", "status");

-- CreateIndex
CREATE INDEX "subscription_invitations_email_status_idx" ON "subscription_invitations"("email", "status");

-- CreateIndex
CREATE INDEX "subscription_invitations_username_status_idx" ON "subscription_invitations"("username", "status");

-- AddForeignKey
ALTER TABLE "subscription_invitations" ADD CONSTRAINT "subscription_invitations_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
