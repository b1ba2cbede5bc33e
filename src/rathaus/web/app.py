"""The FastAPI application: API routers, the pages and the widget, security headers, the origin allow-list,
error handling, background embedding."""

from __future__ import annotations

import asyncio
import logging
import threading
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rathaus import __version__
from rathaus.documents import Access
from rathaus.embed.worker import BackgroundEmbedder
from rathaus.errors import BackendError, Forbidden, NotFound, RathausError
from rathaus.runtime import Runtime
from rathaus.web import oidc, widget
from rathaus.web.api import (
    admin,
    ask,
    collections,
    conversations,
    documents,
    health,
    me,
    prompts,
    search,
    session,
    tools,
)
from rathaus.web.bodylimit import BodySizeLimit
from rathaus.web.cors import OriginPolicy
from rathaus.web.headers import SecurityHeaders, docs_csp
from rathaus.web.pages import routes as pages
from rathaus.web.pages import staff
from rathaus.web.ratelimit import RateLimiter

log = logging.getLogger(__name__)


def create_app(runtime: Runtime | None = None) -> FastAPI:
    runtime = runtime or Runtime()

    def warm_up() -> None:
        """Load the German lexicon and the query model now, not in the first citizen's request."""
        try:
            runtime.searcher.retrieve("Straßenbeleuchtung", Access.anonymous())
        except RathausError as exc:
            log.warning("warm-up failed: %s", exc)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        warm = threading.Thread(target=warm_up, name="rathaus-warm-up", daemon=True)
        warm.start()
        worker = None
        if runtime.settings.embed_in_background and getattr(runtime.embedder, "dim", 0):
            worker = BackgroundEmbedder(runtime.store, runtime.embedder, runtime.settings.embed_scope,
                                        runtime.settings.embed_batch_size)
            worker.start()
        app.state.embedder_worker = worker
        yield
        if worker:
            worker.stop()
        # Whoever closes the store after shutdown must not close it under the warm-up's running query.
        await asyncio.to_thread(warm.join, 30)

    # The API docs are served from the swagger-ui-bundle package: no CDN, so they work air-gapped.
    app = FastAPI(title="Rathaus", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Search and cited answers over council information (OParl) and city documents.")

    @app.get("/docs", include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        page = get_swagger_ui_html(openapi_url="/openapi.json", title="Rathaus API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")
        page.headers["Content-Security-Policy"] = docs_csp(bytes(page.body).decode())
        return page
    app.state.runtime = runtime
    app.state.rate_limiter = RateLimiter(runtime.settings.ask_rate_limit, runtime.settings.trust_proxy_headers)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"error": exc.code, "message": str(exc)}, status_code=404)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> JSONResponse:
        return JSONResponse({"error": exc.code, "message": str(exc), "user_message": exc.user_message},
                            status_code=403)

    @app.exception_handler(BackendError)
    async def backend_unavailable(request: Request, exc: BackendError) -> JSONResponse:
        log.error("%s: %s", exc.code, exc)
        return JSONResponse({"error": exc.code, "message": str(exc)}, status_code=503)

    @app.exception_handler(RathausError)
    async def rathaus_error(request: Request, exc: RathausError) -> JSONResponse:
        log.warning("%s: %s", exc.code, exc)
        return JSONResponse({"error": exc.code, "message": str(exc), "user_message": exc.user_message},
                            status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if not request.url.path.startswith("/api/"):
            return await http_exception_handler(request, exc)
        code = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, "http_error")
        return JSONResponse({"error": code, "message": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Any:
        if not request.url.path.startswith("/api/"):
            return await pages.invalid_page_request(request)
        errors = [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
        return JSONResponse({"error": "invalid_request", "message": "The request parameters are invalid.",
                             "details": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"error": "internal_error", "message": "An unexpected error occurred; it was logged."},
                            status_code=500)

    app.include_router(health.router)
    app.include_router(search.router)
    app.include_router(ask.router)
    app.include_router(documents.router)
    app.include_router(collections.router)
    app.include_router(prompts.router)
    app.include_router(conversations.router)
    app.include_router(tools.router)
    app.include_router(me.router)
    app.include_router(admin.router)
    app.include_router(session.router)
    app.include_router(oidc.router)
    app.include_router(pages.router)
    app.include_router(staff.router)
    app.include_router(widget.router)
    # The last added runs first: security headers go on every response, the origin check's 403 included.
    app.add_middleware(OriginPolicy, settings=lambda: runtime.settings)
    app.add_middleware(BodySizeLimit, limit_for=lambda path: (
        runtime.settings.max_file_bytes * collections.MAX_FILES + 1_000_000
        if path.startswith(("/api/v1/collections/", "/api/v1/my/documents")) else 4_000_000 if path.startswith("/api/")
        else None))
    app.add_middleware(SecurityHeaders)
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=str(files("rathaus") / "web" / "static")), name="static")
    return app
