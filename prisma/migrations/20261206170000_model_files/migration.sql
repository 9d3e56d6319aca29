-- CreateTable
CREATE TABLE "model_files" (
    "model_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA,

    CONSTRAINT "model_files_pkey" PRIMARY KEY ("model_id","file_name")
);

-- AddForeignKey
ALTER TABLE "model_files" ADD CONSTRAINT "model_files_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "model_metadata"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Versions registered before this migration keep their files in MODELS_DIR only: a migration
-- cannot read files, so each instance copies the ones it has into this table at its start.
