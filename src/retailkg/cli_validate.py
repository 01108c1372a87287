"""CLI commands of overlap/gap validation (validate, org)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to the ``retailkg`` group."""
