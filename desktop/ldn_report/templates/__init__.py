"""Clinic templates: the model, its TOML file format, the catalogue, clinic text and its CLI."""
