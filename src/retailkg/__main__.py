"""``python -m retailkg``: the same command line as the ``retailkg`` script."""

from retailkg.cli import main

main()
