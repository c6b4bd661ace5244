"""The parity command line."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Callable

import click
from click.core import ParameterSource

import numpy_net
from numpy_net import LOSSES, OPTIMIZERS
from parity.config import DEVICES, DTYPES, MODES, RunConfig
from parity.engine import run as run_parity
from parity.engine import run_setup
from parity.errors import InputError
from parity.files import check_writable, write_atomically
from parity.report import format_diagnosis, json_safe


class ParityGroup(click.Group):
    """Every error becomes one line on stderr and exit status 2; never a traceback."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra) -> Any:
        try:
            status = super().main(args, prog_name or "parity", complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            click.echo("parity: interrupted", err=True)
            sys.exit(130)
        except click.ClickException as error:
            click.echo(f"parity: error: {error.format_message()}", err=True)
            sys.exit(2)
        except InputError as error:
            click.echo(f"parity: error: {error}", err=True)
            sys.exit(2)
        except Exception as error:  # a bug of ours: still one line, unless asked for the traceback
            if os.environ.get("PARITY_DEBUG"):
                raise
            click.echo(f"parity: error: internal error, {type(error).__name__}: {error} (PARITY_DEBUG=1 shows the traceback)", err=True)
            sys.exit(2)
        sys.exit(status if isinstance(status, int) else 0)


def _betas(ctx, param, value: str) -> tuple[float, float]:
    try:
        beta1, beta2 = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not two numbers such as 0.9,0.999") from None
    return beta1, beta2


def _targets(ctx, param, values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.group(cls=ParityGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Prove that a NumPy network and its PyTorch port compute the same thing.

    Exit status: 0 parity holds, 1 parity fails, 2 bad usage or input.
    """


def training_options(lr: float) -> Callable:
    """The options every comparison takes: data, loss, optimizer, steps, numerics, tolerances, report."""
    options = [
        click.option("--data", default="xor", show_default=True, help="xor, random:N,D[,K], or a .npz (X, y) or .csv file."),
        click.option("--target", multiple=True, callback=_targets, help="CSV target column(s), by header name or index [default: last column]."),
        click.option("--loss", type=click.Choice(LOSSES), default="sse", show_default=True, help="sse = sum, half-sse = 0.5 * sum, mse = mean, bce = cross-entropy."),
        click.option("--optimizer", type=click.Choice(OPTIMIZERS), default="sgd", show_default=True),
        click.option("--lr", type=float, default=lr, show_default=True, help="Learning rate."),
        click.option("--momentum", type=float, default=0.9, show_default=True, help="Momentum, or β of ema-momentum."),
        click.option("--dampening", type=float, default=0.0, show_default=True, help="Dampening of momentum, as torch.optim.SGD."),
        click.option("--betas", default="0.9,0.999", show_default=True, callback=_betas, help="Adam's β1,β2."),
        click.option("--steps", type=int, default=1000, show_default=True, help="Training steps."),
        click.option("--seed", type=int, default=0, show_default=True, help="Seed of the initial weights and random data."),
        click.option("--dtype", type=click.Choice(DTYPES), default="float32", show_default=True),
        click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True, help="auto picks cuda when present."),
        click.option("--mode", type=click.Choice(MODES), default="lockstep", show_default=True, help="lockstep: torch takes NumPy's weights after every step (one step of error); free: independent runs (error growth)."),
        click.option("--rtol", type=float, default=None, help="Relative tolerance [default: by dtype, as torch.testing.assert_close]."),
        click.option("--atol", type=float, default=None, help="Absolute tolerance [default: by dtype, as torch.testing.assert_close]."),
        click.option("--allow-tf32", is_flag=True, help="Let CUDA matmuls use TF32 (off by default: it breaks float32 parity)."),
        click.option("--deterministic", is_flag=True, help="Use torch's deterministic algorithms."),
        click.option("--json", "json_path", type=str, default=None, help="Write the full report as JSON to this path."),
    ]

    def decorate(command: Callable) -> Callable:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _finish(report, json_path: str | None) -> int:
    """Print the report, write its JSON, and give the exit status."""
    click.echo(report.format_table())
    if json_path is not None:
        write_atomically(json_path, lambda file: file.write(report.to_json()))
    if report.interrupted:
        return 130
    return 0 if report.passed else 1


@cli.command()
@training_options(lr=0.5)
@click.option("--hidden", type=int, default=4, show_default=True, help="Hidden units.")
@click.option("--bias/--no-bias", default=True, show_default=True, help="Biases in both layers.")
@click.option("--weights", type=str, default=None, help="Start from these weights (.npz with W1, b1, W2, b2 in NumPy layout).")
@click.option("--save-weights", type=str, default=None, help="Write the initial weights to this .npz.")
@click.option("--from-report", "from_report", type=str, default=None, help="Re-run the config stored in a JSON report (no other run options).")
@click.pass_context
def run(ctx: click.Context, save_weights: str | None, json_path: str | None, from_report: str | None, **options: Any) -> int:
    """Run the NumPy network and its torch twin from the same weights, and compare every step."""
    if from_report is None:
        config = RunConfig(**options)  # validated before anything is written or run
    else:
        given = [f"--{name.replace('_', '-')}" for name in options if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE]
        if given:
            raise InputError(f"--from-report takes the whole config from the report; drop {', '.join(given)}")
        document = _read_report(from_report)
        if "network" in document:
            raise InputError(f"{from_report!r} is a report of `parity check {document['network'].get('network', '')}`; re-run that command")
        config = RunConfig.from_dict(document["config"])
    for path, option in ((save_weights, "--save-weights"), (json_path, "--json")):
        if path is not None:
            check_writable(path, option)
    report = run_parity(config)
    if save_weights is not None:
        write_atomically(save_weights, lambda file: numpy_net.save_weights(file, report.initial_weights), binary=True)
    return _finish(report, json_path)


@cli.command()
@click.argument("network", metavar="FILE.py:NAME")
@training_options(lr=1.0)
@click.option("--init", "init", default="", help="Python expression that builds the network, with X, y, np and NAME in scope [default: NAME(X, y)].")
@click.option("--step", "step", default="net.feedforward(); net.backprop()", show_default=True, help="Statements making one training step, with net, X, y, np in scope.")
@click.option("--param", "params", multiple=True, metavar="ATTR=NAME", help="Attribute holding W1, b1, W2 or b2 (NumPy layout); repeat it [default: common names such as weights1, bias1].")
@click.option("--output", "output", default=None, metavar="ATTR", help="Attribute holding the step's forward output, compared with the twin's.")
@click.option("--bias/--no-bias", default=None, help="Biases in both layers [default: on when b1 and b2 are mapped].")
def check(network: str, init: str, step: str, params: tuple[str, ...], output: str | None, bias: bool | None, json_path: str | None, **options: Any) -> int:
    """Compare your own NumPy network, FILE.py:NAME, with the torch twin, step by step.

    The shared initial weights are written into your network's attributes;
    after each step the update every parameter received is compared with
    torch's. --lr defaults to 1, the rate of code that adds its gradient
    step straight into the weights.
    """
    from parity.check import UserNetwork, parse_params, prepare_check

    config = RunConfig(**options)
    if json_path is not None:
        check_writable(json_path, "--json")
    user = UserNetwork(network, init, step, parse_params(params), output)
    return _finish(run_setup(prepare_check(config, user, bias)), json_path)


@cli.command()
@click.option("--steps", type=int, default=5, show_default=True, help="Steps each mutant runs.")
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True)
@click.option("--json", "json_path", type=str, default=None, help="Write the results as JSON to this path.")
def mutants(steps: int, device: str, json_path: str | None) -> int:
    """Run the catalogue of known porting bugs: each must be caught, and the diagnosis should name it.

    Exit status 0 only when every mutant is caught.
    """
    from parity.mutants import CATALOGUE, run_mutant

    if json_path is not None:
        check_writable(json_path, "--json")
    results = [run_mutant(mutant, steps=steps, device=device) for mutant in CATALOGUE]
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
    if json_path is not None:
        document = [
            {"mutant": r.mutant.name, "pattern": r.mutant.pattern, "description": r.mutant.description, "caught": r.caught,
             "first_failure": r.report.first_failure.to_dict() if r.report.first_failure else None,
             "top_diagnosis": r.top_finding, "named": r.named}
            for r in results
        ]
        write_atomically(json_path, lambda file: file.write(json.dumps(json_safe(document), indent=2) + "\n"))
    return 0 if caught == len(results) else 1


def _read_report(path: str) -> dict:
    """A parity JSON report, or one clear InputError."""
    try:
        with open(path) as file:
            document = json.load(file)
        if not isinstance(document, dict) or not {"summary", "verdict", "config"} <= set(document):
            raise ValueError("it lacks summary, verdict or config")
        return document
    except FileNotFoundError:
        raise InputError(f"{path!r}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path!r} is a directory, not a report") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise InputError(f"{path!r} is not a parity JSON report ({error})") from None


@cli.command()
@click.argument("report_path", metavar="REPORT.json")
def explain(report_path: str) -> int:
    """Print the verdict and diagnosis stored in a JSON report written by `parity run --json`."""
    document = _read_report(report_path)
    summary, verdict = document["summary"], document["verdict"]
    findings, oracles = document.get("diagnosis", []), document.get("oracles", {})
    click.echo(summary)
    if verdict != "pass":
        click.echo("")
        click.echo("\n".join(format_diagnosis(findings, oracles)))
    return 0 if verdict == "pass" else 1


def main() -> None:
    cli()
