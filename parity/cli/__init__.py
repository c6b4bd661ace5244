"""The `parity` command line: one module per command, and the group that turns every error into one line.

Each command imports the kit (and torch) only when it runs, so that
`parity --help` answers at once.
"""

from __future__ import annotations

import click

from parity.cli.bench import bench
from parity.cli.check import check
from parity.cli.explain import explain
from parity.cli.group import ParityGroup
from parity.cli.migrate import migrate
from parity.cli.mutants import mutants
from parity.cli.run import run
from parity.cli.sweep import sweep


@click.group(cls=ParityGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="numpy-torch-parity", prog_name="parity", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Prove that a NumPy network and its PyTorch port compute the same thing.

    Exit status: 0 parity holds, 1 parity fails, 2 bad usage or input, 130 interrupted.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


for command in (run, check, sweep, mutants, explain, bench, migrate):
    cli.add_command(command)


def main() -> None:
    cli()
