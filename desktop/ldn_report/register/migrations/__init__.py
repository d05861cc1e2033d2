"""Alembic revision scripts for the register, shipped in the package and run on open."""

# The newest revision in versions/: a register at this revision needs no Alembic run (opening
# stays fast). tests/register check that it is Alembic's head.
HEAD_REVISION = "0001_handouts"
