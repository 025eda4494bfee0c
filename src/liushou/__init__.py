"""liushou (留守): care of left-behind children, women and elderly, and village legal advisors."""

__version__ = "0.1.0"
