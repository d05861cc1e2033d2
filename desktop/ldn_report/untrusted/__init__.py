"""Reading what users hand us: bounded file reads, safe JSON and TOML, one text policy."""
