"""Server-rendered pages (German first, English with ?lang=en)."""
