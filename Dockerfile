# apisynth: Python 3.11 + Node 20, the project's virtual environment and the ArkTS toolchain.
# CPU image:  docker build -t apisynth:latest .
# GPU image:  docker build --build-arg TORCH_INDEX_URL=https://download.pytorch.org/whl/cu128 -t apisynth:gpu .
FROM node:20-bookworm-slim AS node

FROM python:3.11-slim-bookworm
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && apt-get update && apt-get install -y --no-install-recommends git make \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# A CUDA build of torch for the GPU worker; scripts/setup.sh keeps an installed torch.
ARG TORCH_INDEX_URL=""
RUN if [ -n "$TORCH_INDEX_URL" ]; then \
      python -m venv .venv && .venv/bin/pip install --no-cache-dir torch==2.13.0 --index-url "$TORCH_INDEX_URL"; \
    fi
COPY . .
RUN bash scripts/setup.sh && rm -rf /root/.cache/pip

ENV PATH=/app/.venv/bin:$PATH \
    APISYNTH_HOME=/data \
    PREFECT_SERVER_ANALYTICS_ENABLED=false
VOLUME ["/data"]
CMD ["apisynth", "--help"]
