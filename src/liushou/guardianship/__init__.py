"""Care around registered persons (docs/domain.md): caretakers, assignments (联系人包保), visits."""
