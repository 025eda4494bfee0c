"""Services delivered (服务台账): service types, records, activities, wishes, distributions (docs/services.md)."""
