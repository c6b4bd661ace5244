"""`parity check`: the user's own NumPy network against the torch twin."""

from __future__ import annotations

from typing import Any

import click

from parity.cli.group import WholeFirstLine
from parity.cli.options import config_from_report, finish, training_options
from parity.config.config import RunConfig
from parity.errors import InputError
from parity.files import check_writable

NETWORK_OPTIONS = ("init", "step", "params", "output", "bias", "quiet_network")


@click.command(cls=WholeFirstLine)
@click.argument("network", metavar="FILE.py:NAME", required=False)
@training_options(lr=1.0)
@click.option("--init", "init", default="", help="Python expression that builds the network, with X, y, np, NAME and the file's own names in scope [default: NAME(X, y)].")
@click.option("--step", "step", default="net.feedforward(); net.backprop()", show_default=True, help="Statements making one training step, with net, X, y (this step's batch), np and the file's names in scope.")
@click.option("--param", "params", multiple=True, metavar="EXPR=NAME", help="Where a parameter lives, EXPR any assignable expression on the network (weights1, weights[0], params['W1'], layers[1].w), NAME one of W1..WL, b1..bL, NAME.T for a weight stored (out, in); repeat it [default: found by shape and name].")
@click.option("--output", "output", default=None, metavar="EXPR", help="Expression on the network holding the step's forward output (output, A2.T), compared with the twin's.")
@click.option("--bias/--no-bias", default=None, help="Biases in every layer [default: on when biases are found or mapped].")
@click.option("--quiet-network", is_flag=True, help="Silence what the network prints.")
@click.option("--from-report", "from_report", type=str, default=None, help="Re-run the check stored in a JSON report (no other option).")
@click.pass_context
def check(ctx: click.Context, network: str | None, json_path: str | None, from_report: str | None, **options: Any) -> int:
    """Compare your own NumPy network, FILE.py:NAME, with the torch twin, step by step.

    The shared initial weights are written into your network's parameters
    (found by shape and name, or named with --param); after each step the
    update every parameter received is compared with torch's. --lr
    defaults to 1, the rate of code that adds its gradient step straight
    into the weights. A class with get_params(), set_params(dict) and
    step(X, y) is driven through those instead (the adapter protocol).

    Exit status: 0 parity holds, 1 parity fails, 2 bad usage, bad input or an
    error in your code, 130 interrupted.
    """
    from parity.api import run_setup
    from parity.check.network import UserNetwork
    from parity.check.setup import prepare_check

    network_options = {name: options.pop(name) for name in NETWORK_OPTIONS}
    if from_report is not None:
        config, stored = config_from_report(ctx, from_report, {**options, **network_options, **({"network": network} if network else {})}, "check")
        user, bias = UserNetwork.from_dict(stored), None
    else:
        if network is None:
            raise InputError("give the network as FILE.py:NAME, e.g. parity check net.py:NeuralNetwork")
        config = RunConfig(**options)
        user = UserNetwork(network, network_options["init"], network_options["step"], network_options["params"],
                           network_options["output"], network_options["quiet_network"])
        user.locations()  # a malformed --param is refused before any user code runs
        bias = network_options["bias"]
    if json_path is not None:
        check_writable(json_path, "--json")
    return finish(run_setup(prepare_check(config, user, bias)), json_path)
