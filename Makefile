# The README's two commands are `make run` and `make test`; the rest are conveniences.
.PHONY: run test test-pg lint format migrate revision openapi bench ci

run:
	scripts/run

test:
	scripts/test

test-pg:
	LIUSHOU_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres scripts/test

lint:
	scripts/bootstrap
	.venv/bin/ruff check src tests bench migrations
	.venv/bin/ruff format --check src tests bench
	.venv/bin/mypy

format:
	.venv/bin/ruff format src tests bench
	.venv/bin/ruff check --fix src tests bench

migrate:
	scripts/bootstrap
	.venv/bin/liushou migrate

# make revision m="add person table"
revision:
	.venv/bin/alembic revision --autogenerate -m "$(m)"

openapi:
	.venv/bin/liushou openapi export

bench:
	scripts/bootstrap
	.venv/bin/python bench/run.py

ci:
	.ci/run
