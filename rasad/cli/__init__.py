"""The ``rasad`` command. Sub-commands live in their own modules and are imported only when used,
so ``rasad extract`` does not pay for the web server or Dask imports."""

from __future__ import annotations

import importlib
import sys

import click

from rasad.record import InputError

# command name -> "module:attribute" of a click.Command. Add one line per new command.
COMMANDS: dict[str, str] = {
    "extract": "rasad.cli.extract_cmd:extract",
    "geocode": "rasad.cli.geocode_cmd:geocode",
    "eval": "rasad.cli.eval_cmd:eval_command",
    "ingest": "rasad.cli.store_cmds:ingest",
    "watch": "rasad.cli.store_cmds:watch",
    "serve": "rasad.cli.store_cmds:serve",
    "export": "rasad.cli.store_cmds:export",
    "demo": "rasad.cli.store_cmds:demo",
    "batch": "rasad.cli.batch_cmd:batch",
    "load": "rasad.cli.batch_cmd:load",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None  # command not built yet
            raise
        return getattr(module, attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasad")
def cli() -> None:
    """rasad: Arabic and English conflict reports in, ACLED-style coded events out."""


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="rasad", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except InputError as exc:
        click.echo(f"rasad: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
