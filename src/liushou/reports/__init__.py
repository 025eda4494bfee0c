"""Reports (CONTRACT §8): aggregated figures computed by the database."""
