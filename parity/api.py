"""The whole pipeline in one place: config -> run -> compare -> diagnose -> report.

    from parity import RunConfig, run
    report = run(RunConfig(loss="bce", optimizer="adam", dtype="float64"))
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import io
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

import numpy_net
import torch_net
from parity.programs.network import UserNetwork
from parity.programs.port import TorchPort
from parity.programs.setup import prepare_check
from parity.config.config import RunConfig, config_for
from parity.diagnosis.diagnose import diagnose
from parity.engine.loop import run_steps
from parity.engine.setup import Setup, prepare
from parity.errors import ArgumentError, expect
from parity.pristine import kits_code
from parity.report.report import Report

Program = TypeVar("Program", UserNetwork, TorchPort)


def run(config: RunConfig, numpy_trainer: type[numpy_net.Trainer] = numpy_net.Trainer) -> Report:
    """Run both networks config.steps steps from the same weights, compare every step, and diagnose a failure.

    numpy_trainer replaces the reference NumPy trainer with a variant of it,
    which is how a planted porting bug is run.
    """
    expect("config", config, RunConfig, "a RunConfig, such as RunConfig(loss='mse')")
    if not (isinstance(numpy_trainer, type) and issubclass(numpy_trainer, numpy_net.Trainer)):
        raise ArgumentError(f"numpy_trainer must be numpy_net.Trainer or a subclass of it, got {numpy_trainer!r}")
    return run_setup(prepare(config, numpy_trainer))


def run_setup(setup: Setup, observers: Sequence[Callable] = (), listeners: Sequence[Callable] = ()) -> Report:
    """Run a prepared Setup (the kit's twins, or a user's network) and diagnose a failure. observers and listeners are
    called after each step, as parity.engine.loop.run_steps says (golden runs, progress bars, per-step series)."""
    config = setup.config
    # NaN and Inf are found and reported (see Divergence); NumPy's warnings about them would only be noise.
    # kits_code: the comparison and the diagnosis judge with NumPy as it was before user code loaded
    with kits_code(), torch_net.numerics(config.allow_tf32, config.deterministic), np.errstate(all="ignore"):
        result = run_steps(setup, observers, listeners)
        diagnosis = None
        if not result.passed and not result.interrupted:
            try:
                with contextlib.redirect_stdout(io.StringIO()):  # the replays run the user's code again: once is enough
                    diagnosis = diagnose(setup, result)
            except KeyboardInterrupt:  # Ctrl-C during the diagnosis: the comparison stands, marked interrupted
                result.interrupted = True
    return Report.of(result, diagnosis)


def check(config: RunConfig | None = None, numpy: UserNetwork | str | None = None, torch: TorchPort | str | None = None) -> Report:
    """Check the user's own programs: a NumPy network against the torch twin, a PyTorch port against the kit's
    NumPy network, or the two against each other.

        check(RunConfig(lr=1.0), numpy="net.py:NeuralNetwork", torch="port.py:Net")

    Strings are FILE.py:NAME with every other setting at its default; UserNetwork and TorchPort say more. config
    None takes the defaults of `parity check` (parity.config.config.defaults("check"): lr 1). A relative FILE.py
    that does not exist relative to the working folder is looked up in the folder of the file that calls check()
    (or assert_parity): a test finds the programs beside it wherever pytest runs from.
    """
    expect("numpy", numpy, (UserNetwork, str, type(None)), "FILE.py:NAME or a UserNetwork")
    expect("torch", torch, (TorchPort, str, type(None)), "FILE.py:NAME or a TorchPort")
    folder = _callers_folder()
    network = _beside(UserNetwork(numpy) if isinstance(numpy, str) else numpy, folder)
    port = _beside(TorchPort(torch) if isinstance(torch, str) else torch, folder)
    return run_setup(prepare_check(config_for("check", config), network, port=port))


def _callers_folder() -> str | None:
    """The folder of the first calling file outside the kit: the user's test or script."""
    kit = os.path.dirname(os.path.abspath(__file__))
    frame = inspect.currentframe()
    while frame is not None:
        filename = frame.f_code.co_filename
        if not filename.startswith("<") and not os.path.abspath(filename).startswith(kit + os.sep):
            return os.path.dirname(os.path.abspath(filename))
        frame = frame.f_back
    return None


def _beside(program: Program | None, folder: str | None) -> Program | None:
    """program, its FILE.py taken from the caller's folder where it is relative and not found from the working folder."""
    if program is None or folder is None:
        return program
    path, _, name = program.target.rpartition(":")
    there = os.path.join(folder, path)
    if not path or os.path.isabs(path) or os.path.exists(path) or not os.path.exists(there):
        return program
    return dataclasses.replace(program, target=f"{there}:{name}")
