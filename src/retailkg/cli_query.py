"""CLI commands of the semantic query layer (query, sparql, load, serve, search)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to the ``retailkg`` group."""
