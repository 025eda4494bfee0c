"""The register of left-behind children, women and elderly (CONTRACT §4)."""
