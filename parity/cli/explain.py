"""`parity explain`: the verdict and diagnosis of a saved JSON report, printed again."""

from __future__ import annotations

import click

from parity.cli.group import WholeFirstLine
from parity.report.diagnosis_text import format_diagnosis
from parity.report.json_document import read_report


@click.command(cls=WholeFirstLine)
@click.argument("report_path", metavar="REPORT.json")
def explain(report_path: str) -> int:
    """Print the verdict and diagnosis stored in a JSON report written by `parity run --json`.

    Exit status: 0 the report passed, 1 it failed, diverged or was
    interrupted, 2 not a readable parity report.
    """
    document = read_report(report_path)
    summary, verdict = document["summary"], document["verdict"]
    findings, oracles = document.get("diagnosis", []), document.get("oracles", {})
    click.echo(summary)
    if verdict != "pass":
        click.echo("")
        click.echo("\n".join(format_diagnosis(findings, oracles)))
    return 0 if verdict == "pass" else 1
