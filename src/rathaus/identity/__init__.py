"""Who is asking: staff accounts, org-unit groups, roles and personal API tokens (``accounts.py``),
and how a web request proves it (``web/auth.py``)."""
