"""The routing tests reuse the web tests' small German index."""

from tests.web.conftest import runtime, web_index  # noqa: F401
