"""Care around registered persons (CONTRACT §5): caretakers, assignments (联系人包保), visits."""
