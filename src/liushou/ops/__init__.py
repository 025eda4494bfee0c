"""Operations: request context, logging, metrics, health."""
