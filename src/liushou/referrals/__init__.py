"""Referrals and mandatory reports (docs/domain.md, "Consent and sharing")."""
