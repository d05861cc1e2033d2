"""The patient's medicines: the opioid lexicon (data in the evidence pack) and opioid detection."""
