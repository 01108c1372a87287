"""The one exception type for a user's mistake.

Anything raised as :class:`InputError` reaches the user as one line naming the file, the line or
row and the field, with exit code 2; anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "InputError"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


@dataclass
class InputError(Exception):
    """Bad input: where it is and what is wrong with it."""

    message: str
    file: str | None = None
    line: int | str | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" [{self.field}]" if self.field else ""
        prefix = f"{where}:{field} " if where else (f"{field.strip()} " if field else "")
        return f"{prefix}{self.message}"
