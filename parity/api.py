"""The whole pipeline in one place: config -> run -> compare -> diagnose -> report.

    from parity import RunConfig, run
    report = run(RunConfig(loss="bce", optimizer="adam", dtype="float64"))
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Sequence

import numpy as np

import numpy_net
import torch_net
from parity.programs.network import UserNetwork
from parity.programs.port import TorchPort
from parity.programs.setup import prepare_check
from parity.config.config import RunConfig
from parity.diagnosis.diagnose import diagnose
from parity.engine.loop import run_steps
from parity.engine.setup import Setup, prepare
from parity.report.report import Report


def run(config: RunConfig, numpy_trainer: type[numpy_net.Trainer] = numpy_net.Trainer) -> Report:
    """Run both networks config.steps steps from the same weights, compare every step, and diagnose a failure.

    numpy_trainer replaces the reference NumPy trainer with a variant of it,
    which is how a planted porting bug is run.
    """
    return run_setup(prepare(config, numpy_trainer))


def run_setup(setup: Setup, observers: Sequence[Callable] = (), listeners: Sequence[Callable] = ()) -> Report:
    """Run a prepared Setup (the kit's twins, or a user's network) and diagnose a failure. observers and listeners are
    called after each step, as parity.engine.loop.run_steps says (golden runs, progress bars, per-step series)."""
    config = setup.config
    # NaN and Inf are found and reported (see Divergence); NumPy's warnings about them would only be noise.
    with torch_net.numerics(config.allow_tf32, config.deterministic), np.errstate(all="ignore"):
        result = run_steps(setup, observers, listeners)
        diagnosis = None
        if not result.passed and not result.interrupted:
            try:
                with contextlib.redirect_stdout(io.StringIO()):  # the replays run the user's code again: once is enough
                    diagnosis = diagnose(setup, result)
            except KeyboardInterrupt:  # Ctrl-C during the diagnosis: the comparison stands, marked interrupted
                result.interrupted = True
    return Report.of(result, diagnosis)


def check(config: RunConfig, numpy: UserNetwork | str | None = None, torch: TorchPort | str | None = None) -> Report:
    """Check the user's own programs: a NumPy network against the torch twin, a PyTorch port against the kit's
    NumPy network, or the two against each other.

        check(RunConfig(lr=1.0), numpy="net.py:NeuralNetwork", torch="port.py:Net")

    Strings are FILE.py:NAME with every other setting at its default; UserNetwork and TorchPort say more.
    """
    network = UserNetwork(numpy) if isinstance(numpy, str) else numpy
    port = TorchPort(torch) if isinstance(torch, str) else torch
    return run_setup(prepare_check(config, network, port=port))
