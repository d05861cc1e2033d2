"""The desktop app: a patient-context form, a live PDF preview, export, print and recovery."""

from .refcount_guard import protect_singletons

# Before any widget exists, for the app and for every test that imports a GUI module.
protect_singletons()
