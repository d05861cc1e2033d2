"""Handout register: a record of every report that leaves the app (schema, migrations, queries)."""
