"""What the comparing commands share: the training options, and how a report ends a command."""

from __future__ import annotations

import json
import os
from typing import Callable

import click

from numpy_net import HIDDEN_ACTIVATIONS, LOSSES, OPTIMIZERS, OUTPUT_ACTIVATIONS
from click.core import ParameterSource

from parity.config.config import DEVICES, DTYPES, MODES, RunConfig, defaults
from parity.errors import InputError, printable
from parity import files
from parity.files import write_all
from parity.report.json_document import json_safe
from parity.report.json_document import read_report


def _betas(ctx, param, value: str) -> tuple[float, float]:
    try:
        beta1, beta2 = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not two numbers such as 0.9,0.999") from None
    return beta1, beta2


def _targets(ctx, param, values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def hidden_sizes(ctx, param, value: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a width such as 8, or widths such as 8,8 for two hidden layers") from None


def training_options(command: str) -> Callable:
    """The options every comparison takes: data, loss, optimizer, steps, numerics, tolerances. Their defaults are the
    API's, from parity.config.config.defaults(command): "run" for the kit's twins, "check" for your programs."""
    d = defaults(command)
    options = [
        click.option("--data", default=d["data"], show_default=True, help="xor, random:N,D[,K], or a .npz (X, y) or .csv file."),
        click.option("--target", multiple=True, callback=_targets, help="CSV target column(s), by header name or index [default: last column]."),
        click.option("--loss", type=click.Choice(LOSSES), default=d["loss"], show_default=True, help="sse = sum, half-sse = 0.5 * sum, mse = mean, half-mse = 0.5 * mean of squares; bce (mean) or bce-sum on a sigmoid; ce (mean over rows) or ce-sum on a softmax."),
        click.option("--hidden-activation", type=click.Choice(HIDDEN_ACTIVATIONS), default=d["hidden_activation"], show_default=True, help="Activation of every hidden layer."),
        click.option("--output-activation", type=click.Choice(OUTPUT_ACTIVATIONS), default=d["output_activation"], show_default=True, help="The output unit."),
        click.option("--optimizer", type=click.Choice(OPTIMIZERS), default=d["optimizer"], show_default=True),
        click.option("--lr", type=float, default=d["lr"], show_default=True, help="Learning rate."),
        click.option("--momentum", type=float, default=d["momentum"], show_default=True, help="Momentum, or β of ema-momentum."),
        click.option("--dampening", type=float, default=d["dampening"], show_default=True, help="Dampening of momentum, as torch.optim.SGD."),
        click.option("--betas", default=",".join(map(str, d["betas"])), show_default=True, callback=_betas, help="Adam's β1,β2."),
        click.option("--eps", type=float, default=d["eps"], show_default=True, help="Adam's ε (torch's default 1e-8; Keras and many books use 1e-7)."),
        click.option("--weight-decay", type=float, default=d["weight_decay"], show_default=True, help="Adam's weight decay, an L2 term in the gradient as torch.optim.Adam(weight_decay=...)."),
        click.option("--steps", type=int, default=d["steps"], show_default=True, help="Training steps (with --batch-size, one step is one batch)."),
        click.option("--batch-size", type=int, default=d["batch_size"], help="Rows per step: mini-batches, the same on both sides [default: the whole data set]."),
        click.option("--shuffle/--no-shuffle", default=d["shuffle"], show_default=True, help="With --batch-size: a fresh seeded order of the rows each epoch."),
        click.option("--seed", type=int, default=d["seed"], show_default=True, help="Seed of the initial weights and random data."),
        click.option("--check-every", type=int, default=d["check_every"], show_default=True, help="Compare every K-th step (and the first and last); every step still runs and is checked for NaN/Inf."),
        click.option("--dtype", type=click.Choice(DTYPES), default=d["dtype"], show_default=True),
        click.option("--device", type=click.Choice(DEVICES), default=d["device"], show_default=True, help="auto picks cuda when present."),
        click.option("--mode", type=click.Choice(MODES), default=d["mode"], show_default=True, help="lockstep: torch takes NumPy's weights after every step (one step of error); free: independent runs (error growth)."),
        click.option("--rtol", type=float, default=d["rtol"], help="Relative tolerance [default: by dtype, as torch.testing.assert_close]."),
        click.option("--atol", type=float, default=d["atol"], help="Absolute tolerance [default: by dtype, as torch.testing.assert_close]."),
        click.option("--allow-tf32", is_flag=True, default=d["allow_tf32"], help="Let CUDA matmuls use TF32 (off by default: it breaks float32 parity)."),
        click.option("--deterministic", is_flag=True, default=d["deterministic"], help="Use torch's deterministic algorithms."),
        click.option("--world-size", type=int, default=d["world_size"], show_default=True, help="Run the torch side as DistributedDataParallel over this many processes (gloo on CPU; or as launched by torchrun), against the single NumPy run of the whole batch."),
        click.option("--ddp-sum-scaling/--no-ddp-sum-scaling", default=d["ddp_sum_scaling"], show_default=True, help="With --world-size: multiply a sum loss by the world size on every rank, since DDP averages; --no-ddp-sum-scaling leaves it out, as a port that forgot it."),
    ]
    return _all_of(options)


def output_options() -> Callable:
    """What a comparison writes and shows: reports, golden runs, a plot, the progress bar."""
    return _all_of([
        click.option("--json", "json_path", type=str, default=None, help="Write the full report as JSON to this path."),
        click.option("--junit", "junit_path", type=str, default=None, help="Write JUnit XML to this path: one test case per compared tensor."),
        click.option("--save-golden", "save_golden", type=str, default=None, help="Save this run's per-step fingerprints as a golden file."),
        click.option("--golden", "golden_path", type=str, default=None, help="Check this run against a golden file saved by --save-golden (on another machine or device)."),
        click.option("--plot", "plot_path", type=str, default=None, help="Draw both losses and each group's error against the tolerance, per step, into this .png or .svg (needs matplotlib: pip install \"numpy-torch-parity[plot]\")."),
        click.option("--quiet", is_flag=True, help="No progress bar (one shows on a terminal once a run takes a second)."),
    ])


def _all_of(options: list[Callable]) -> Callable:
    """One decorator applying options in order: click lists them in --help as they are listed here."""

    def decorate(command: Callable) -> Callable:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


OUTPUTS = ("json_path", "junit_path", "save_golden", "plot_path")
NOT_CONFIG = (*OUTPUTS, "golden_path", "quiet")  # options of how a run is shown and kept, not of what runs


def run_with_outputs(setup, outputs: dict, before: list | None = None) -> int:
    """Run a prepared setup with golden runs recorded or checked, print the report, and write every output file
    together, all or none. before: outputs known before the run ((path, write, binary), as files.write_all takes)."""
    from parity.api import run_setup
    from parity.report.junit import to_junit
    from parity.report.plot import plot_writer
    from parity.report.progress import Progress, wanted as progress_wanted
    from parity.report.series import StepSeries
    from parity.report.table import headline
    from parity.testing.golden import GoldenChecker, GoldenRecorder

    recorder = GoldenRecorder(setup.names) if outputs.get("save_golden") else None
    checker = GoldenChecker(outputs["golden_path"], setup.config, setup.names) if outputs.get("golden_path") else None
    observers = [o for o in (recorder, checker) if o is not None]
    title = headline(setup.config, setup.environment.get("device", "?"), setup.network)
    click.echo(printable(title))  # before the first step: a long run says at once what it is doing
    series = StepSeries() if outputs.get("plot_path") else None
    progress = Progress(setup.config.steps) if progress_wanted(outputs.get("quiet", False)) else None
    listeners = [listener for listener in (series, progress) if listener is not None]
    try:
        report = run_setup(setup, observers, listeners)
    finally:
        if progress:
            progress.close()
    if checker:
        report.golden = checker.verdict()
    if outputs.get("resume_at") and not report.interrupted:
        from parity.engine.resume import resume_check

        report.resume = resume_check(setup, outputs["resume_at"])
    click.echo(printable(report.format_table(with_headline=False)))  # it may quote a report's code or the user's data
    writes = list(before or [])
    if recorder and report.interrupted:  # a part of a run would later "match" the whole: write none, keep the old
        click.echo(f"parity: note: --save-golden {outputs['save_golden']} not written: the run was interrupted", err=True)
    elif recorder:
        document = recorder.document(setup.config, report.environment)
        writes.append((outputs["save_golden"], lambda file: file.write(json.dumps(json_safe(document)) + "\n"), False))
    if outputs.get("json_path"):
        writes.append((outputs["json_path"], lambda file: file.write(report.to_json(outputs.get("stored_programs"))), False))
    if outputs.get("junit_path"):
        writes.append((outputs["junit_path"], lambda file: file.write(to_junit(report)), False))
    if series is not None:
        writes.append((outputs["plot_path"], plot_writer(series, outputs["plot_path"], title.splitlines()[0]), True))
    write_all(writes)
    broken = (report.golden and not report.golden["matched"]) or (report.resume and not report.resume["repeated"])
    return exit_status(report, broken)


def exit_status(report, broken: bool = False) -> int:
    """0 pass, 1 fail (or a golden or resume check broken), 130 interrupted."""
    if report.interrupted:
        return 130
    return 0 if report.passed and not broken else 1


def check_outputs(outputs: dict, inputs: dict[str, str | None], extra: dict[str, str | None] | None = None) -> dict[str, str | None]:
    """Every output path writable, none an input of the run or another output, before anything runs.

    The paths in outputs become absolute, as are the extra ones returned: code run later that changes the
    working directory (a user's --step) must not send a report elsewhere."""
    named = {"--json": outputs.get("json_path"), "--junit": outputs.get("junit_path"), "--save-golden": outputs.get("save_golden"),
             "--plot": outputs.get("plot_path")}
    if outputs.get("plot_path"):
        from parity.report.plot import check_plot_path

        check_plot_path(outputs["plot_path"])
    files.check_outputs({**named, **(extra or {})}, {**inputs, "--golden": outputs.get("golden_path")})
    for key in (*OUTPUTS, "golden_path"):
        if outputs.get(key):
            outputs[key] = os.path.abspath(outputs[key])
    return {option: os.path.abspath(path) if path else path for option, path in (extra or {}).items()}


def config_from_report(ctx: click.Context, path: str, options: dict, command: str) -> tuple[RunConfig, dict]:
    """The config stored in a report (and its network block, for `check`); no other run option may be given."""
    given = [f"--{name.replace('_', '-')}" for name in options if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE]
    if given:
        raise InputError(f"--from-report takes the whole config from the report; drop {', '.join(given)}")
    document = read_report(path)
    network = document.get("network")
    if command == "run" and network:
        raise InputError(f"{path!r} is a report of `parity check {network.get('network', '') if isinstance(network, dict) else ''}`; re-run it with parity check --from-report")
    if command == "check" and not isinstance(network, dict):
        raise InputError(f"{path!r} is a report of `parity run`; re-run it with parity run --from-report")
    return RunConfig.from_dict(document["config"], complete=True), network


def follows_rank_0(config: RunConfig) -> bool:
    """Under a launcher such as torchrun, a rank other than 0 does what rank 0 broadcasts, and nothing else."""
    from parity.config.data import load_dataset
    from parity.engine.distributed import check_world_size, launched
    from parity.engine.distributed_launched import follow

    rank = launched(config)
    if not rank:
        return False
    data = load_dataset(config.data, config.dtype, config.seed, config.target, one_hot=config.output_activation == "softmax")
    check_world_size(config, len(data.X))
    follow(config, data, rank)
    return True
