"""The change feed, ``GET /changes`` (docs/changes.md)."""
