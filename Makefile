# The README's commands. A fresh clone needs only python3 (with venv): `make run`, `make test`.
# The virtualenv is (re)built only when it is missing or pyproject.toml changed since.

VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed
# The scorer is vendored byte for byte from the shared tools and keeps their (looser) style.
RUFF_EXCLUDE := --extend-exclude tests/tools --extend-exclude 'src/kansli/*/migrations'

.PHONY: install run test bench lint

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install -e '.[dev]'
	touch $@

run: $(STAMP)
	$(BIN)/python manage.py migrate --verbosity 0
	$(BIN)/python manage.py demo
	@echo "Kansli: http://127.0.0.1:8000/  (avsluta med Ctrl-C)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The database tests run on SQLite first, then again on PostgreSQL when it answers; with
# KANSLI_REQUIRE_POSTGRES=1 (CI) a PostgreSQL that does not answer is a failure.
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

test: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run >/dev/null
	$(BIN)/pytest
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== databastesterna igen, på PostgreSQL ($(PG_URL))"; \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest -m database; \
	elif [ "$${KANSLI_REQUIRE_POSTGRES:-0}" = 1 ]; then \
		echo "PostgreSQL svarar inte på $(PG_URL), och KANSLI_REQUIRE_POSTGRES=1" >&2; exit 1; \
	else \
		echo "obs: PostgreSQL svarar inte på $(PG_URL); databastesterna kördes bara på SQLite"; \
	fi

bench: $(STAMP)
	@for f in bench/*.py; do \
		[ -e "$$f" ] || continue; \
		echo "== $$f"; \
		$(BIN)/python "$$f" || exit 1; \
	done

lint: $(STAMP)
	$(BIN)/ruff check $(RUFF_EXCLUDE) .
	$(BIN)/ruff format --check $(RUFF_EXCLUDE) .
	$(BIN)/mypy
	$(BIN)/mypy --strict -m kansli.cli
