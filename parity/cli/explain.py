"""`parity explain`: the verdict and diagnosis of a saved JSON report, printed again."""

from __future__ import annotations

import click

from parity.cli.group import WholeFirstLine
from parity.errors import InputError, printable
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
    if not isinstance(summary, str) or not isinstance(verdict, str):
        raise InputError(f"{report_path!r}: its summary and verdict must be text")
    try:
        text = "\n".join(format_diagnosis(findings, oracles)) if verdict != "pass" else ""
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise InputError(f"{report_path!r}: its diagnosis is malformed ({type(error).__name__}: {error})") from None
    # a report comes from elsewhere (a CI upload): its text must not drive the terminal that shows it
    click.echo(printable(summary, keep=""))
    if text:
        click.echo("")
        click.echo(printable(text))
    return 0 if verdict == "pass" else 1
