"""`parity check`: the user's own NumPy network against the torch twin."""

from __future__ import annotations

from typing import Any

import click

from parity.cli.group import WholeFirstLine
from parity.cli.options import finish, training_options
from parity.config.config import RunConfig
from parity.files import check_writable


@click.command(cls=WholeFirstLine)
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

    Exit status: 0 parity holds, 1 parity fails, 2 bad usage, bad input or an
    error in your code, 130 interrupted.
    """
    from parity.api import run_setup
    from parity.check.network import UserNetwork, parse_params
    from parity.check.setup import prepare_check

    config = RunConfig(**options)
    if json_path is not None:
        check_writable(json_path, "--json")
    user = UserNetwork(network, init, step, parse_params(params), output)
    return finish(run_setup(prepare_check(config, user, bias)), json_path)
