-- CreateTable
CREATE TABLE "model_metadata" (
    "id" SERIAL NOT NULL,
    "model_name" TEXT NOT NULL,
    "model_version" TEXT NOT NULL,
    "accuracy" DOUBLE PRECISION NOT NULL,
    "roc_auc" DOUBLE PRECISION NOT NULL,
    "f1" DOUBLE PRECISION NOT NULL,
    "trained_on" TIMESTAMPTZ(3) NOT NULL,
    "data_source" TEXT NOT NULL,
    "training_rows" INTEGER NOT NULL,
    "test_rows" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT false,
    "activated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_metadata_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "model_metadata_model_name_is_active_idx" ON "model_metadata"("model_name", "is_active");

-- CreateIndex
CREATE UNIQUE INDEX "model_metadata_model_name_model_version_key" ON "model_metadata"("model_name", "model_version");
