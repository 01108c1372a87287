"""``python -m retailkg``: the same command line as the ``retailkg`` script."""

from .cli import main

main()
