# The app's image on Node 22 LTS (CI tests on Node 20; see README, "Node versions").

# Build stage: dependencies with the native tree-sitter binding, then the TypeScript build.
FROM node:22-bookworm-slim AS build
# Toolchain for node-gyp, for platforms without a prebuilt tree-sitter binding.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prepare.mjs ./scripts/prepare.mjs
# Install scripts allowed explicitly: tree-sitter and tree-sitter-go build or select their
# native binding in them (package.json's allowScripts lists them for npm versions that ask).
# `prepare` builds nothing yet: the sources are copied below, so this layer survives edits.
RUN npm ci --ignore-scripts=false --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies (with the compiled binding) and the built app only.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json app.yml ./
ENV HOST=0.0.0.0 PORT=3000
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself as PID 1 (not npm, which does not pass SIGTERM on), so `docker stop` reaches the
# app's graceful shutdown; dist/ is built above, so nothing of `npm start`'s build is needed.
CMD ["node", "dist/server.js"]
