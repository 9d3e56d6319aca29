-- CreateTable
CREATE TABLE "predictions" (
    "id" SERIAL NOT NULL,
    "song_id" INTEGER NOT NULL,
    "is_hit" BOOLEAN NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "model_prediction" BOOLEAN NOT NULL,
    "model_confidence" DOUBLE PRECISION NOT NULL,
    "model_version" TEXT NOT NULL,
    "in_dataset" BOOLEAN NOT NULL,
    "adjusted_by_dataset" BOOLEAN NOT NULL,
    "dataset_label" BOOLEAN,
    "dataset_popularity" SMALLINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "predictions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prediction_audit_logs" (
    "id" SERIAL NOT NULL,
    "prediction_id" INTEGER NOT NULL,
    "endpoint" TEXT NOT NULL,
    "request_id" TEXT,
    "request" JSONB NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prediction_audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "predictions_song_id_idx" ON "predictions"("song_id");

-- CreateIndex
CREATE INDEX "predictions_created_at_idx" ON "predictions"("created_at");

-- CreateIndex
CREATE INDEX "predictions_is_hit_idx" ON "predictions"("is_hit");

-- CreateIndex
CREATE INDEX "prediction_audit_logs_prediction_id_idx" ON "prediction_audit_logs"("prediction_id");

-- AddForeignKey
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_song_id_fkey" FOREIGN KEY ("song_id") REFERENCES "songs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prediction_audit_logs" ADD CONSTRAINT "prediction_audit_logs_prediction_id_fkey" FOREIGN KEY ("prediction_id") REFERENCES "predictions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
