"""Staff documents from files: uploads (web, API, command line) and synced folders (``library``)."""
