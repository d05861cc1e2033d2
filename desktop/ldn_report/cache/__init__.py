"""What one process keeps for the next, in the user cache folder: parsed fonts, the checked pack."""
