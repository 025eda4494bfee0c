"""The register of left-behind children, women and elderly (docs/registry.md, docs/domain.md)."""
