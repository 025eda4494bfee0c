"""Reports: aggregated figures computed by the database."""
