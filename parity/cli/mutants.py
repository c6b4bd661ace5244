"""`parity mutants`: every known porting bug must be caught, and should be named."""

from __future__ import annotations

import json

import click

from parity.cli.group import WholeFirstLine
from parity.config.config import DEVICES
from parity.files import check_writable, write_atomically
from parity.report.json_document import json_safe


@click.command(cls=WholeFirstLine)
@click.option("--steps", type=int, default=5, show_default=True, help="Steps each mutant runs.")
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True)
@click.option("--json", "json_path", type=str, default=None, help="Write the results as JSON to this path.")
def mutants(steps: int, device: str, json_path: str | None) -> int:
    """Run the catalogue of known porting bugs: each must be caught, and the diagnosis should name it.

    Exit status: 0 every mutant caught, 1 one or more missed, 2 bad usage.
    """
    from parity.mutants.catalogue import CATALOGUE, run_mutant

    if json_path is not None:
        check_writable(json_path, "--json")
    results = []
    for mutant in CATALOGUE:
        result = run_mutant(mutant, steps=max(steps, mutant.fails_at), device=device)  # at least to the step that shows it
        if result.report.interrupted:  # an interrupted run proves nothing about its mutant
            _print_table(results)
            click.echo(f"INTERRUPTED during {mutant.name}, after {len(results)} of {len(CATALOGUE)} mutants")
            return 130
        results.append(result)
    _print_table(results)
    if json_path is not None:
        document = [_result_dict(r) for r in results]
        write_atomically(json_path, lambda file: file.write(json.dumps(json_safe(document), indent=2) + "\n"))
    return 0 if all(r.caught for r in results) else 1


def _print_table(results: list) -> None:
    click.echo(f"{'mutant':<32} {'caught':<6}  {'first failure':<18} {'top diagnosis':<24} named")
    for r in results:
        failure = r.report.first_failure
        where = f"step {failure.step}, {failure.tensor}" if failure else "-"
        click.echo(f"{r.mutant.name:<32} {'yes' if r.caught else 'NO':<6}  {where:<18} {r.top_finding or '-':<24} {'yes' if r.named else 'no'}")
    caught = sum(r.caught for r in results)
    at_step_1 = sum(r.caught and r.report.first_failure.step == 1 for r in results)
    named = sum(r.named for r in results)
    click.echo(f"\ncaught {caught} of {len(results)} ({at_step_1} at step 1); the diagnosis named the planted bug for {named} of {len(results)}")
    for r in results:
        if r.caught and r.report.first_failure.step > 1:
            click.echo(f"{r.mutant.name} first fails at step {r.report.first_failure.step}: {r.mutant.later_because or 'no reason recorded'}")


def _result_dict(r) -> dict:
    return {
        "mutant": r.mutant.name, "pattern": r.mutant.pattern, "description": r.mutant.description, "caught": r.caught,
        "first_failure": r.report.first_failure.to_dict() if r.report.first_failure else None,
        "top_diagnosis": r.top_finding, "named": r.named,
    }
