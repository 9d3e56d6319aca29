-- AlterTable
ALTER TABLE "songs" ADD COLUMN     "album_image" TEXT,
ADD COLUMN     "preview_url" TEXT;
