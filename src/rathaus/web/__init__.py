"""The web app: HTTP API (one router per resource), the German search page, static files."""
