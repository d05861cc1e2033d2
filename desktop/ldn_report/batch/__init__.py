"""Clinic-day batches: the clinic list reader, the runner, the manifest and its CLI."""
