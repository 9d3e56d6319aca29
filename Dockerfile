# Encore (API and web app) in one image:  docker build -t encore .   (docker compose up --build does it for you)
# Stage "build" compiles with the dev dependencies; stage "runtime" runs with production dependencies only.

FROM node:20-bookworm-slim AS build
ENV SCARF_ANALYTICS=false
WORKDIR /app
# Dependencies first, so that a code change does not reinstall them. No install scripts: this
# image's npm 10 does not read package.json's allowScripts (which keeps onnxruntime-node from
# downloading GPU libraries), and the build generates the Prisma client itself.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY . .
# The Prisma client and the TypeScript into dist/, the web app into web/dist/.
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SCARF_ANALYTICS=false MODELS_DIR=models/trained
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# glibc returns freed memory at the top of its heaps above 128 KB to the system instead of letting the
# threshold grow with the largest freed block (up to 64 MB): the server holds about 60 MB less at start
# (onnxruntime's model parse buffers, Prisma's and the modules' load-time garbage) and under load, at no
# measured CPU cost (docs/benchmarks.md, "Start and memory held at start").
ENV GLIBC_TUNABLES=glibc.malloc.trim_threshold=131072
COPY --from=build /app/web/dist ./web/dist
# Applied at every start; the schema is what the migration engine and backups read.
COPY prisma/migrations ./prisma/migrations
COPY prisma/schema ./prisma/schema
# What ships and the first start reads: the pre-trained hit model and the Chinook sample store.
COPY models/pretrained ./models/pretrained
COPY data/samples ./data/samples
# What the app writes: uploads, backups and trained models (MODELS_DIR). Compose mounts volumes here,
# beside what ships rather than over it.
RUN mkdir -p data/media data/backups models/trained && chown -R node:node data/media data/backups models/trained
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/bundle/main.js"]
