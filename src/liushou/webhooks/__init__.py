"""Webhooks (docs/webhooks.md): subscriptions, the delivery outbox, signing and sending."""
