"""Append-only audit events, written in the same transaction as what they record."""
