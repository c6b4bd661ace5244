"""`parity migrate`: the NumPy-to-PyTorch guide, each section checked by running it."""

from __future__ import annotations

import shutil

import click

from parity.cli.group import WholeFirstLine
from parity.errors import InputError


@click.command(cls=WholeFirstLine)
@click.option("--list", "list_sections", is_flag=True, help="List the sections and stop.")
@click.option("--section", "names", multiple=True, metavar="NAME", help="Only this section; repeat it for several [default: all].")
@click.option("--check", "run_checks", is_flag=True, help="Run each section's NumPy and PyTorch lines and print how far apart they are; exit 1 if any disagree.")
@click.option("--markdown", is_flag=True, help="Print the guide as Markdown (docs/migration.md is this output).")
@click.option("--width", type=click.IntRange(20, 1000), default=None, help="Columns to lay out in [default: the terminal's]: side by side where both fit.")
def migrate(list_sections: bool, names: tuple[str, ...], run_checks: bool, markdown: bool, width: int | None) -> int:
    """Show the migration from a NumPy network to PyTorch: NumPy lines beside the PyTorch lines that match them.

    Sections: data and dtypes, weight layout, activations, the forward pass,
    each loss and its reduction, the backward pass, each optimizer, mini-batches,
    devices and TF32, and checking your own port.

    Exit status: 0 shown (or every check agrees), 1 a check disagrees, 2 bad usage.
    """
    from parity.migrate import SECTIONS
    from parity.migrate import render

    known = {section.name: section for section in SECTIONS}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise InputError(f"--section {unknown[0]!r}: no such section (known: {', '.join(known)})")
    chosen = tuple(known[name] for name in names) if names else SECTIONS
    if list_sections:
        for section in chosen:
            click.echo(f"{section.name:<24} {section.title}")
        return 0
    if markdown:
        click.echo(render.markdown(chosen), nl=False)
        return 0
    if run_checks:
        from parity.migrate.guide import run_check

        results = [run_check(section) for section in chosen]
        for checked in results:
            click.echo(render.check_line(checked))
        failed = [c.section.name for c in results if not c.passed]
        click.echo(f"\n{len(results) - len(failed)} of {len(results)} sections agree" + (f"; not: {', '.join(failed)}" if failed else ""))
        return 1 if failed else 0
    columns = width or shutil.get_terminal_size((100, 24)).columns
    click.echo("\n".join(render.terminal(section, columns) for section in chosen))
    return 0
