# The README's commands. A fresh clone needs only python3 (with venv): `make run`, `make test`.
# The virtualenv is (re)built only when it is missing or pyproject.toml changed since.

VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed
# The demo until the web app lands: the founding document, read and summarised in Swedish.
FOUNDING := tests/corpus/sv/sodertorn-ledningsgrupp-2019-01-25.docx
# The scorer is vendored byte for byte from the shared tools and keeps their (looser) style.
RUFF_EXCLUDE := --extend-exclude tests/tools

.PHONY: install run test bench lint

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install -e '.[dev]'
	touch $@

run: $(STAMP)
	$(BIN)/kansli parse $(FOUNDING) --format summary

test: $(STAMP)
	$(BIN)/pytest

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
