"""Mobile sync: the batch of queued writes (docs/sync.md)."""
