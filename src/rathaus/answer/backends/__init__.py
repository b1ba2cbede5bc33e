"""Answer backends: ``extractive`` (no model), ``openai`` (any OpenAI-compatible server) and
``llamacpp`` (a packaged GGUF model in-process). They share the protocol in ``base``."""
