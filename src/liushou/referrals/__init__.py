"""Referrals and mandatory reports (CONTRACT §5)."""
