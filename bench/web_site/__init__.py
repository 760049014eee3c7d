"""The Kansli site as `bench/web.py` serves it: the app's settings and URLs over the bench's own
SQLite file, plus the bare baseline view the app's pages are measured against."""
