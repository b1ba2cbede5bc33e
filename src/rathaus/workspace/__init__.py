"""Staff workspace data in ``workspace.sqlite``: the shared prompt library (``prompts``) and each user's
conversations with the internal assistant (``conversations``)."""
