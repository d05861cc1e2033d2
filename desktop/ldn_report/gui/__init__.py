"""The desktop app: a patient-context form, a live PDF preview, export, print and recovery."""
