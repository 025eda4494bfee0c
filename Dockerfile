# syntax=docker/dockerfile:1

# Both stages must use the same image: the venv's python symlinks to the base interpreter.
ARG PYTHON_IMAGE=python:3.11-slim

# ---- builder: install the package and its pinned dependencies into /opt/venv ----
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1

RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:${PATH}"

WORKDIR /build
COPY pyproject.toml constraints.txt README.md ./
COPY src/ src/
RUN pip install --no-cache-dir -c constraints.txt .

# ---- final: runtime image, non-root ----
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/venv/bin:${PATH}" \
    LIUSHOU_DATABASE_URL=sqlite:////data/liushou.db \
    LIUSHOU_DEV_KEY_FILE=/data/dev-keys.json

RUN groupadd --system --gid 10001 liushou \
    && useradd --system --uid 10001 --gid liushou --no-create-home \
        --home-dir /app --shell /usr/sbin/nologin liushou \
    && mkdir -p /data \
    && chown liushou:liushou /data

WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY alembic.ini ./
COPY migrations/ migrations/

# Declared after the chown so a fresh volume starts out owned by liushou.
VOLUME ["/data"]

# Numeric so orchestrators can verify the image does not run as root.
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

CMD ["sh", "-c", "liushou migrate && exec liushou serve --host 0.0.0.0 --port 8000"]
