"""Backend registry. Built-in backends register through the same entry points as third-party ones.

A package adds an embedder by declaring, in its pyproject::

    [project.entry-points."rathaus.embedders"]
    mymodel = "mypackage.embed:MyEmbedder"

The factory is called with the Settings object. Tests and embedding applications may also
call ``register_embedder(name, factory)`` directly; it takes the same path.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from rathaus.errors import ConfigError

GROUPS = {"embedder": "rathaus.embedders", "store": "rathaus.stores", "backend": "rathaus.backends"}
_registry: dict[str, dict[str, Callable[..., Any]]] = {kind: {} for kind in GROUPS}
_loaded: set[str] = set()


def _load(kind: str) -> None:
    if kind in _loaded:
        return
    for ep in entry_points(group=GROUPS[kind]):
        _registry[kind].setdefault(ep.name, ep.load)  # loaded lazily: importing a model can be slow
    _loaded.add(kind)


def register(kind: str, name: str, factory: Callable[..., Any]) -> None:
    _load(kind)
    _registry[kind][name] = lambda: factory


def register_embedder(name: str, factory: Callable[..., Any]) -> None:
    register("embedder", name, factory)


def available(kind: str) -> list[str]:
    _load(kind)
    return sorted(_registry[kind])


def create(kind: str, name: str, settings: Any) -> Any:
    made = factory(kind, name)
    if hasattr(made, "from_settings"):
        return made.from_settings(settings)
    return made(settings)


def factory(kind: str, name: str) -> Callable[..., Any]:
    """The registered factory itself, for plugins built from more than the Settings (answer backends)."""
    _load(kind)
    if name not in _registry[kind]:
        raise ConfigError(f"unknown {kind} {name!r}; available: {', '.join(available(kind))}")
    return _registry[kind][name]()


def create_embedder(settings: Any) -> Any:
    return create("embedder", settings.embedder, settings)


def store_name(settings: Any) -> str:
    """The store plugin to use: ``settings.store``, where 'auto' means postgres when a database URL is
    set and the SQLite file in the data directory otherwise."""
    if settings.store == "auto":
        return "postgres" if getattr(settings, "database_url", "") else "sqlite"
    return settings.store


def create_store(settings: Any) -> Any:
    return create("store", store_name(settings), settings)
