"""Optional dependencies: imported only where they are used, and missing ones named in one line.

pandas and matplotlib serve the Python API's notebooks, not the command line, so they are extras
(``pip install 'retailkg[pandas]'``, ``'retailkg[notebook]'``) rather than requirements. A function
that needs one calls :func:`require` at the top of its body: an analyst without pandas gets the
project's :class:`~retailkg.errors.InputError` saying what to install, not an ImportError raised
from somewhere inside the call.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from retailkg.errors import InputError

__all__ = ["EXTRAS", "require"]

EXTRAS = {"pandas": "pandas", "matplotlib": "notebook"}
"""The extra of ``pyproject.toml`` that installs each optional module."""


def require(module: str, what: str = "") -> ModuleType:
    """``module``, imported; InputError naming the extra that installs it when it is missing.

    ``what`` says what needed it (``Result.to_pandas()``), so the message tells an analyst which
    call to retry after installing.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        extra = EXTRAS.get(top)
        how = f"pip install 'retailkg[{extra}]'" if extra else f"pip install {top}"
        needs = f"{what} needs {top}" if what else f"{top} is needed"
        raise InputError(f"{needs}, which is not installed: {how}") from None
