"""The ``retailkg`` command: a thin layer over the library.

Every command has ``--help`` with examples. Output goes to stdout unless ``-o`` is given; a user's
mistake is one line on stderr and exit code 2, never a traceback.

Each command group lives in its own module with a ``register(group)``, and the group imports a
module only when one of its commands runs (or ``--help`` lists them): ``retailkg search`` is a new
process every time, and importing what ``validate`` needs (the report writers, the shapes) would
cost it more than the search itself. :data:`COMMAND_MODULES` says which module registers which
command; a test checks it against the modules.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import Any

import click

from retailkg import __version__
from retailkg.cli.options import EXIT_INTERRUPTED
from retailkg.errors import EXIT_USAGE, InputError

__all__ = ["COMMAND_MODULES", "cli", "main"]

COMMAND_MODULES = {"build": "build", "ingest": "ingest", "query": "query", "sparql": "query", "load": "query", "serve": "query",
                   "search": "query", "validate": "validate", "diff": "diff", "org": "org"}


class RetailkgGroup(click.Group):
    """A click group that turns :class:`InputError` and usage errors into one line and exit code 2, and Ctrl-C into
    exit code 130, and imports a command's module when the command is first asked for.

    Click shows a usage error in three lines (the usage, a hint, the error); a script or a CI log that greps
    stderr wants the one line that says what was wrong, in the same form as every other input error.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"retailkg.cli.{COMMAND_MODULES[cmd_name]}").register(self)
        return self.commands.get(cmd_name)


    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as e:
            path = e.ctx.command_path if e.ctx is not None else ctx.command_path
            click.echo(f"retailkg: error: {e.format_message()} (see '{path} --help')", err=True)
            sys.exit(e.exit_code)
        except InputError as e:  # several errors at once (design.model.InputErrors) are one line each
            for line in str(e).splitlines() or [""]:
                click.echo(f"retailkg: error: {line}", err=True)
            sys.exit(EXIT_USAGE)
        except KeyboardInterrupt:  # click would print "Aborted!" and exit 1
            click.echo("retailkg: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=RetailkgGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="retailkg")
def cli() -> None:
    """retailkg: the knowledge graph of retail and e-commerce job-post standards.

    \b
    Examples:
      retailkg build -o build/kg
      retailkg query list
      retailkg query run functions-shared --param doc=ccagm-003-2021
      retailkg search 会员 拉新
      retailkg validate examples/taobao-ops.yaml -o report.html
      retailkg diff as-is.yaml to-be.yaml -o diff.html
      retailkg org match --design examples/taobao-ops.yaml
      retailkg load --endpoint http://127.0.0.1:7878
      retailkg serve --port 7879
      retailkg ingest standard.txt --id ccagm-003-2021 -o draft.ttl
    """


def main() -> None:  # pragma: no cover - console-script entry point
    from retailkg.text.runtime import declare_one_shot

    declare_one_shot()  # the process ends with the command: a command may leave cycles to the exit
    try:
        cli()
    finally:
        # Leaving the interpreter runs full collections over every object still alive (every module,
        # the graph, the parsed queries): longer than a warm search takes. Frozen, they are not
        # traversed again (what sits in a cycle is left to the operating system); exit handlers
        # still run and files are still closed.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
