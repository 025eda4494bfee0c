"""Per-caller request limits (docs/security.md, "Rate limits")."""
