"""`parity check`: the user's own NumPy network against the torch twin."""

from __future__ import annotations

import re
from typing import Any

import click

from parity.cli.group import WholeFirstLine
from parity.cli.trust import stored_paths, trusted_programs
from parity.cli.options import (NOT_CONFIG, check_outputs, config_from_report, follows_rank_0, output_options, run_with_outputs,
                                 training_options)
from parity.config.config import RunConfig
from parity.errors import InputError
from parity.programs.network import DEFAULT_STEP

NETWORK_OPTIONS = ("init", "step", "params", "output", "bias", "quiet_network")
PORT_OPTIONS = ("torch", "torch_init", "torch_params", "torch_optimizer", "torch_loss", "torch_step")
WRITTEN_OPTIONS = ("as_written", "loss_expr", "torch_loss_expr", "torch_output", "grads", "backward", "update",
                   "torch_backward", "torch_update", "start_from", "state")


@click.command(cls=WholeFirstLine)
# --help lists the two programs first, then the run, then what it writes
@click.argument("network", metavar="[FILE.py:NAME]", required=False)
@click.option("--torch", "torch", default=None, metavar="FILE.py:NAME", help="Your PyTorch port, an nn.Module: alone, checked against the kit's NumPy network; with FILE.py:NAME, against your NumPy network.")
@click.option("--torch-init", default="", help="Expression that builds the port, with X, y, torch, nn and the file's names in scope [default: NAME()].")
@click.option("--torch-step", default="", help="Statements making one step of the port, with model, optimizer, loss_fn, X, y and the file's names in scope [default: zero_grad, loss_fn(model(X), y).backward(), optimizer.step()].")
@click.option("--init", "init", default="", help="Python expression that builds the network, with X, y, np, NAME and the file's own names in scope [default: NAME(X, y)].")
@click.option("--step", "step", default=DEFAULT_STEP, show_default=True, help="Statements making one training step, with net, X, y (this step's batch), np and the file's names in scope.")
@click.option("--param", "params", multiple=True, metavar="EXPR=NAME", help="Where a parameter lives, EXPR any assignable expression on the network (weights1, weights[0], params['W1'], layers[1].w), NAME one of W1..WL, b1..bL, NAME.T for a weight stored (out, in); repeat it [default: found by shape and name].")
@click.option("--output", "output", default=None, metavar="EXPR", help="Expression on the network holding the step's forward output (output, A2.T), compared with the twin's.")
@click.option("--torch-param", "torch_params", multiple=True, metavar="PARAMETER=NAME", help="A parameter of the port by its name in named_parameters(), as W1..WL (.T for nn.Linear's (out, in) weight) or b1..bL; repeat it [default: the nn.Linear layers in order].")
@click.option("--torch-optimizer", default="", help="Expression for the port's optimizer, with model and lr in scope [default: the torch.optim optimizer --optimizer and --lr name].")
@click.option("--torch-loss", default="", help="Expression for the port's loss_fn(output, y), e.g. nn.MSELoss() [default: the torch loss --loss names].")
@click.option("--bias/--no-bias", default=None, help="Biases in every layer [default: on when biases are found or mapped].")
@click.option("--quiet-network", is_flag=True, help="Silence what the network prints.")
@click.option("--as-written", is_flag=True, help="Both programs as written, any architecture: each steps with its own code; parameters paired by --param NUMPY_EXPR=TORCH_NAME[.T|.permute(...)|.reshape(...)] or by name and shape [default: on where the kit's dense family cannot express the pair, or an option below is given].")
@click.option("--loss-expr", default="", help="Expression for the NumPy program's loss, read before each step (with net, X, y) [default: the value --step returns].")
@click.option("--torch-loss-expr", default="", help="Expression for the port's loss, read before each step (with model, X, y) [default: the value --torch-step returns].")
@click.option("--torch-output", default="", help="Expression for the port's output of the step, compared with --output.")
@click.option("--grads", default="", help="Expression for the NumPy program's gradients after a step, a dict keyed like its parameters [default: net.grads where the program keeps one].")
@click.option("--backward", default="", help="With --update: the NumPy step split where its gradients are made, so that the diagnosis can give them to the port's update (as written).")
@click.option("--update", default="", help="With --backward: the NumPy program's update, after its gradients (as written).")
@click.option("--torch-backward", default="", help="With --torch-update: the port's step up to its gradients, e.g. optimizer.zero_grad(); loss = loss_fn(model(X), y); loss.backward() (as written).")
@click.option("--torch-update", default="", help="With --torch-backward: the port's update, e.g. optimizer.step() (as written).")
@click.option("--state", multiple=True, metavar="KIND=EXPR", help="torch's optimizer state KIND (exp_avg, exp_avg_sq, momentum_buffer, ...) against a dict on the NumPy program keyed like its parameters, e.g. exp_avg=net.m; repeat it (as written) [default: m and v for Adam, velocity for a momentum, where the program keeps them].")
@click.option("--start-from", type=click.Choice(("numpy", "torch")), default="numpy", show_default=True, help="Whose initial parameters both programs start from (as written).")
@training_options("check")
@output_options()
@click.option("--from-report", "from_report", type=str, default=None, help="Re-run the check stored in a JSON report (no other option); its programs are found from the report's folder.")
@click.option("--trust", is_flag=True, help="With --from-report: run the code the report stores (--step, --init, ...) and programs outside its folder; without it they are shown and refused.")
@click.pass_context
def check(ctx: click.Context, network: str | None, from_report: str | None, trust: bool, **options: Any) -> int:
    """Compare your own NumPy network, FILE.py:NAME, or your PyTorch port (--torch), with the kit's twin, step by step.

    The shared initial weights are written into your network's parameters
    (found by shape and name, or named with --param); after each step the
    update every parameter received is compared with torch's. --lr
    defaults to 1, the rate of code that adds its gradient step straight
    into the weights. A class with get_params(), set_params(dict) and
    step(X, y) is driven through those instead (the adapter protocol).

    Exit status: 0 parity holds, 1 parity fails, 2 bad usage, bad input or an
    error in your code, 130 interrupted.
    """
    from parity.programs.network import UserNetwork
    from parity.programs.port import TorchPort
    from parity.programs.setup import prepare_check

    outputs = {key: options.pop(key) for key in NOT_CONFIG}
    network_options = {name: options.pop(name) for name in NETWORK_OPTIONS}
    port_options = {name: options.pop(name) for name in PORT_OPTIONS}
    written_options = {name: options.pop(name) for name in WRITTEN_OPTIONS}
    if trust and from_report is None:
        raise InputError("--trust goes with --from-report: what it trusts is the code a report stores")
    if network and port_options["torch"] and from_report is None and wants_written(written_options, network_options):
        return _as_written(ctx, network, options, network_options, port_options, written_options, outputs)
    if from_report is not None:
        given = {**options, **network_options, **port_options, **({"network": network} if network else {})}
        config, stored = config_from_report(ctx, from_report, given, "check")
        user = UserNetwork.from_dict(stored) if stored.get("network") else None
        user, port = trusted_programs(from_report, user, TorchPort.from_dict(stored), trust)
        bias = None
    else:
        if network is None and port_options["torch"] is None:
            raise InputError("give your network as FILE.py:NAME, your PyTorch port as --torch FILE.py:NAME, or both")
        config = RunConfig(**options)
        user, port = _programs(network, network_options, port_options)
        bias = network_options["bias"]
    sources = {"--data": config.data, "--from-report": from_report,
               "network source": user.path if user else None, "port source": port.target.rpartition(":")[0] if port else None}
    check_outputs(outputs, sources)
    if config.world_size > 1 and follows_rank_0(config):
        return 0  # a rank other than 0 under torchrun: rank 0 loads the programs and reports
    quiet = network_options["quiet_network"] or bool(user and user.quiet)
    try:
        setup = prepare_check(config, user, bias, port, quiet)
    except InputError as error:
        if from_report is not None or not (user and port and not network_options["params"] and not port_options["torch_params"]):
            raise  # a report's programs are re-run as it stored them, never in another mode
        # the kit's dense family cannot express this pair (an embedding, a convolution, a recurrence): as written,
        # where that can be prepared; otherwise the family's own error stands
        try:
            setup = _written_setup(ctx, network, options, network_options, port_options, written_options, outputs)
        except InputError:
            raise error from None
        click.echo(f"note: not a dense network the kit's family expresses ({error}); checking both programs as written", err=True)
    return _run(setup, outputs)


def _run(setup, outputs: dict) -> int:
    # the report names the programs from its own folder, where --from-report looks for them
    return run_with_outputs(setup, {**outputs, "stored_programs": stored_paths(setup.network, outputs.get("json_path"))})


def _programs(network: str | None, network_options: dict, port_options: dict):
    """The user's network and port as the options describe them; a malformed --param is refused before any user code runs."""
    from parity.programs.network import UserNetwork
    from parity.programs.port import TorchPort

    user = None if network is None else UserNetwork(
        network, network_options["init"], network_options["step"], network_options["params"],
        network_options["output"], network_options["quiet_network"])
    if user:
        user.locations()
    port = None if port_options["torch"] is None else TorchPort(
        port_options["torch"], port_options["torch_init"], port_options["torch_params"],
        port_options["torch_optimizer"], port_options["torch_loss"], port_options["torch_step"])
    return user, port


def wants_written(written: dict[str, Any], network: dict[str, Any]) -> bool:
    """--as-written, an option only that mode reads, or a --param naming a port's parameter rather than W1..bL."""
    kit_name = re.compile(r"[Wb]\d+(\.T)?")
    return bool(written["as_written"] or any(v for k, v in written.items() if k not in ("as_written", "start_from"))
                or written["start_from"] != "numpy"
                or any(not kit_name.fullmatch(p.rpartition("=")[2].strip()) for p in network["params"]))


def _as_written(ctx: click.Context, network: str, options: dict, network_options: dict, port_options: dict,
                written: dict, outputs: dict) -> int:
    return _run(_written_setup(ctx, network, options, network_options, port_options, written, outputs), outputs)


def _written_setup(ctx: click.Context, network: str, options: dict, network_options: dict, port_options: dict,
                   written: dict, outputs: dict):
    from parity.programs.written.setup import WrittenPrograms, prepare_written

    config = RunConfig(**options)
    default_step = ctx.get_parameter_source("step") == click.core.ParameterSource.DEFAULT
    given = WrittenPrograms(
        network, port_options["torch"], network_options["init"], port_options["torch_init"],
        "" if default_step else network_options["step"], port_options["torch_step"], tuple(network_options["params"]),
        written["loss_expr"], written["torch_loss_expr"], network_options["output"] or "", written["torch_output"],
        written["grads"], port_options["torch_optimizer"], port_options["torch_loss"], network_options["quiet_network"],
        written["backward"], written["update"], written["torch_backward"], written["torch_update"], written["start_from"], tuple(written["state"]))
    check_outputs(outputs, {"--data": config.data, "network source": network.rpartition(":")[0],
                            "port source": port_options["torch"].rpartition(":")[0]})
    dtype_given = ctx.get_parameter_source("dtype") != click.core.ParameterSource.DEFAULT
    return prepare_written(config, given, dtype_given)
