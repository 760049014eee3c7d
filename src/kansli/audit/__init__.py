"""The audit log: who changed what, when, from what to what. The app only ever appends to it."""
