"""The ``retailkg`` command: a thin layer over the library.

Every command has ``--help`` with examples. Output goes to stdout unless ``-o`` is given; a user's
mistake is one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from retailkg import __version__
from retailkg.cli.options import EXIT_INTERRUPTED
from retailkg.errors import EXIT_USAGE, InputError


class RetailkgGroup(click.Group):
    """A click group that turns :class:`InputError` and usage errors into one line and exit code 2, and Ctrl-C into
    exit code 130.

    Click shows a usage error in three lines (the usage, a hint, the error); a script or a CI log that greps
    stderr wants the one line that says what was wrong, in the same form as every other input error.
    """

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


def _register_commands() -> None:
    """Each command group lives in its own module with a ``register(group)``; this module is the group only."""
    from retailkg.cli import build as cli_build
    from retailkg.cli import diff as cli_diff
    from retailkg.cli import ingest as cli_ingest
    from retailkg.cli import org as cli_org
    from retailkg.cli import query as cli_query
    from retailkg.cli import validate as cli_validate

    for module in (cli_build, cli_ingest, cli_query, cli_validate, cli_diff, cli_org):
        module.register(cli)


_register_commands()


def main() -> None:  # pragma: no cover - console-script entry point
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
