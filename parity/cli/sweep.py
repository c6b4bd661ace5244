"""`parity sweep`: a grid of runs, a summary table, a failure if any fails."""

from __future__ import annotations

import json

import click

from parity.cli.group import WholeFirstLine
from parity.errors import printable
from parity.files import check_outputs, write_atomically
from parity.report.json_document import json_safe


@click.command(cls=WholeFirstLine)
@click.argument("grid", metavar="GRID.toml")
@click.option("--json", "json_path", type=str, default=None, help="Write every run's summary as JSON to this path.")
def sweep(grid: str, json_path: str | None) -> int:
    """Run every configuration of a TOML grid (losses, optimizers, dtypes, devices, networks) and sum them up.

    The file holds [base] (settings every run shares), [grid] (lists whose
    every combination runs) and [[case]] tables (runs of their own); the
    keys are run options with underscores: hidden_activation, batch_size.

    Exit status: 0 every run passed, 1 one or more failed, 2 bad usage or a
    bad grid, 130 interrupted.
    """
    from parity.api import run
    from parity.config.config import RunConfig
    from parity.testing.sweep import read_grid

    runs = read_grid(grid)
    configs = [RunConfig.from_dict(r.settings) for r in runs]  # every run validated before the first one starts
    check_outputs({"--json": json_path}, {"grid": grid})
    rows = []
    click.echo(f"{'run':<56} {'verdict':<12} first failure / top finding")
    for spec, config in zip(runs, configs):
        report = run(config)
        if report.interrupted:
            click.echo(f"INTERRUPTED after {len(rows)} of {len(runs)} runs")
            return 130
        label = ", ".join(f"{k}={v}" for k, v in spec.varied.items()) or "base"
        where = f"step {report.first_failure.step}, {report.first_failure.tensor}" if report.first_failure else ""
        finding = report.diagnosis[0].name if report.diagnosis else ""
        click.echo(printable(f"{label[:56]:<56} {report.verdict.upper():<12} {where}{'; ' + finding if finding else ''}", keep=""))
        rows.append({"settings": spec.settings, "verdict": report.verdict, "summary": report.verdict_line(), "top_finding": finding})
    passed = sum(row["verdict"] == "pass" for row in rows)
    click.echo(f"\n{passed} of {len(rows)} runs passed")
    if json_path is not None:
        write_atomically(json_path, lambda file: file.write(json.dumps(json_safe(rows), indent=2) + "\n"))
    return 0 if passed == len(rows) else 1
