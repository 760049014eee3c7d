"""The Kansli site as `bench/search.py` measures it: the app's settings over the bench's own
database, a temporary SQLite file or a schema of its own in PostgreSQL."""
