"""OParl 1.0/1.1 source: HTTP client, vendor quirks, raw-object state, transform, sync, demo replay."""
