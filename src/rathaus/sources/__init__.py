"""Sources: anything that yields documents with a stable id, a version and delete markers."""
