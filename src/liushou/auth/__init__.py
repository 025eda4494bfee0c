"""Authentication (OAuth2 password, client credentials, refresh) and authorization."""
