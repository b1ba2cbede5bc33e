"""Rathaus: a self-hosted AI platform for German city administrations."""

__version__ = "0.1.0"
