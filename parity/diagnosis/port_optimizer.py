"""A port's own optimizer against the run's: what it was built with, read off the object, then confirmed.

A port that builds its optimizer (--torch-optimizer) may build another one
than the run describes: weight_decay left on, amsgrad or nesterov set, betas
or eps of another book, another class. Each hyperparameter is read from the
port's optimizer (its param_groups) and compared with the optimizer the kit
builds for the run's settings. A differing value is named only once it is
shown to be the cause: the port is replayed from the start with the run's
values written into its param_groups, and must then agree with the NumPy
side at the failing step.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

import torch_net
from parity.config.config import RunConfig
from parity.diagnosis.evidence import as_division, relative_gap
from parity.diagnosis.finding import Finding
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE

# how a group is run, not what it computes (torch's implementation switches and bookkeeping)
NOT_ARITHMETIC = frozenset({"params", "foreach", "capturable", "differentiable", "fused", "initial_lr", "maximize_in_place",
                            "decoupled_weight_decay"})


CONFIRM_STEPS = 3  # steps from the failing one over which the run's values must make the port agree
UNCONFIRMED = 0.6  # another optimizer class: its arithmetic cannot be set to the run's, so the cause is not shown

# what each setting is called in words, and the option that sets it for the run
WORDS = {"lr": ("the learning rate", "--lr"), "momentum": ("momentum", "--momentum"), "dampening": ("dampening", "--dampening"),
         "betas": ("Adam's betas", "--betas"), "eps": ("Adam's eps", "--eps"), "weight_decay": ("weight decay", "--weight-decay"),
         "amsgrad": ("AMSGrad", None), "nesterov": ("Nesterov momentum", None), "maximize": ("maximize", None)}


def port_optimizer_finding(setup: Setup, failure) -> Finding | None:
    """The port's optimizer differs from the run's in these settings, and with the run's values the port agrees."""
    if "torch" not in setup.user_sides:
        return None
    numpy, port = setup.make_sides()
    built = getattr(port, "optimizer", None)  # a port's side holds the optimizer its --torch-optimizer built, or the kit's
    if not isinstance(built, torch.optim.Optimizer):
        return None
    expected = _run_optimizer(setup.config)
    if type(built) is not type(expected):
        return _finding({"class": (_class_name(built), _class_name(expected))}, setup.config, confirmed=False)
    differences = settings_differences(built, expected)
    if not differences:
        return _unseeded(setup, failure, numpy, port, built, expected)
    _write(built, {key: want for key, (_, want) in differences.items()})
    step = _agrees(setup, failure, numpy, port)
    return _finding(differences, setup.config, confirmed=True, step=step) if step else None


def _agrees(setup: Setup, failure, numpy, port) -> int | None:
    """The port, changed before its first step, replayed: the last step through which it agrees with the NumPy side."""
    numpy, port = setup.replay(failure.step, (numpy, port))
    tolerance = 10 * MATCH_TOLERANCE[setup.config.dtype]
    # a few steps on, not only the failing one: a scheduler in the port's step writes its own lr back at the next
    for step in range(failure.step, min(failure.step + CONFIRM_STEPS, setup.config.steps + 1)):
        rows = setup.rows(step)
        numpy_record, port_record = numpy.step(rows), port.step(rows)
        shared = [name for name in numpy_record if name in port_record and name in failure.torch_record]
        if not shared or any(relative_gap(np.asarray(port_record[n], np.float64), np.asarray(numpy_record[n], np.float64)) >= tolerance
                             for n in shared):
            return None
        port.load(numpy.params())
    return step


def _unseeded(setup: Setup, failure, numpy, port, built: torch.optim.Optimizer, expected: torch.optim.Optimizer) -> Finding | None:
    """The run's optimizer starts with a zero momentum buffer (an average from zero: --optimizer ema-momentum) and the
    port's with none, which torch.optim.SGD fills with the first raw gradient, undampened."""
    if not any("momentum_buffer" in state for state in expected.state.values()) or any(built.state.values()):
        return None
    for group in built.param_groups:
        for p in group["params"]:
            built.state[p]["momentum_buffer"] = torch.zeros_like(p)
    step = _agrees(setup, failure, numpy, port)
    if step is None:
        return None
    beta = setup.config.momentum
    return Finding("optimizer-settings", f"The port's optimizer starts with no momentum buffer, so torch.optim.SGD seeds it "
                   f"with the first raw gradient, undampened (buf = g, where an average from zero has (1 - β)·g = {1 - beta:g}·g): "
                   f"its first step is 1/(1 - β) = {1 / (1 - beta):.4g} times the run's (--optimizer {setup.config.optimizer}: "
                   f"v = β·v + (1 - β)·g from v = 0), and the surplus decays by β each step. Checked: with zero buffers the port "
                   f"agrees with the NumPy side through step {step}.", {"side": "torch", "settings": {"momentum_buffer": ["none", "zeros"]},
                   "confirmed": True}, "Start the port's momentum buffers at zero before the first step "
                   "(optimizer.state[p]['momentum_buffer'] = torch.zeros_like(p)), as an average from zero means.", 0.97)


def settings_differences(optimizer: torch.optim.Optimizer, expected: torch.optim.Optimizer) -> dict[str, tuple[Any, Any]]:
    """Each arithmetic setting of the port's param_groups that differs from the run's optimizer: (port's, run's)."""
    found = {}
    for key, want in expected.defaults.items():
        if key in NOT_ARITHMETIC:
            continue
        for group in optimizer.param_groups:
            have = group.get(key, want)
            if not _same(have, want):
                found[key] = (have, want)
    return found


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b)
    if torch.is_tensor(a) or torch.is_tensor(b):
        a, b = float(a), float(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return bool(np.isclose(a, b, rtol=1e-12, atol=0))
    return a == b


def _run_optimizer(c: RunConfig) -> torch.optim.Optimizer:
    probe = [torch.zeros(1, requires_grad=True)]
    return torch_net.make_optimizer(c.optimizer, probe, c.lr, c.momentum, c.dampening, c.betas, c.eps, c.weight_decay)


def _write(optimizer: torch.optim.Optimizer, values: dict[str, Any]) -> None:
    for group in optimizer.param_groups:
        group.update(values)


def _finding(differences: dict[str, tuple[Any, Any]], config: RunConfig, confirmed: bool, step: int = 0) -> Finding:
    settings = "; ".join(_difference(key, have, want) for key, (have, want) in differences.items())
    if confirmed:
        check = f" Checked: with the run's values in its param_groups the port agrees with the NumPy side through step {step}."
        wanted = ", ".join(f"{key}={_shown(want)}" for key, (_, want) in differences.items())
        options = [f"{WORDS[key][1]} {_shown(have).strip('()').replace(', ', ',')}" for key, (have, _) in differences.items() if WORDS.get(key, (0, None))[1]]
        instead = f"; or, if the port's values are the ones you mean, run with {' '.join(options)}" if len(options) == len(differences) else ""
        fix = f"Build the port's optimizer as the run's --optimizer {config.optimizer} ({wanted}){instead}."
    else:
        check = ""
        fix = f"Build the port's optimizer as the run's --optimizer {config.optimizer} does, or check the run with the optimizer the port uses."
    return Finding(
        "optimizer-settings",
        f"The port's own optimizer is built with {settings}.{check}",
        {"side": "torch", "settings": {key: [_shown(have), _shown(want)] for key, (have, want) in differences.items()},
         "confirmed": confirmed},
        fix,
        0.97 if confirmed else UNCONFIRMED,
    )


def _class_name(optimizer: torch.optim.Optimizer) -> str:
    kind = type(optimizer)
    return f"torch.optim.{kind.__name__}" if kind.__module__.startswith("torch.optim") else f"{kind.__module__}.{kind.__qualname__}"


def _difference(key: str, have: Any, want: Any) -> str:
    if key == "class":
        return f"{have} (a class of its own or another torch.optim class), where the run's --optimizer builds {want}"
    words, option = WORDS.get(key, (key, None))
    run = f"the run's {option} is {_shown(want)}" if option else f"the run's optimizer has {key}={_shown(want)}"
    ratio = have / want if isinstance(have, (int, float)) and isinstance(want, (int, float)) and want else None
    scaled = f" ({ratio:.4g} times the run's{as_division(ratio)})" if ratio and key == "lr" else ""
    return f"{words} {key}={_shown(have)}{scaled}, where {run}"


def _shown(value: Any) -> str:
    if torch.is_tensor(value):
        value = value.item()
    return f"({', '.join(_shown(v) for v in value)})" if isinstance(value, (tuple, list)) else f"{value:g}" if isinstance(value, float) else str(value)
