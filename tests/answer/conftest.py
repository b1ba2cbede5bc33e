"""The answer tests reuse the web tests' small German index (public, internal and confidential documents)."""

from tests.web.conftest import app, client, runtime, web_index  # noqa: F401
