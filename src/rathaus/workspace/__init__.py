"""Staff workspace data in ``workspace.sqlite`` (or the schema ``workspace`` on PostgreSQL): the shared prompt library (``prompts``) and each user's
conversations with the internal assistant (``conversations``)."""
