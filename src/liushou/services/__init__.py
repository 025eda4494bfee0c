"""Services delivered (服务台账): service types, records, activities, wishes, distributions (CONTRACT §6; docs/services.md)."""
