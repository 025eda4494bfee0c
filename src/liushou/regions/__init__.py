"""Regions (GB/T 2260 and 统计用区划代码) and the organizations that serve them."""
