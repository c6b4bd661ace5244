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
from parity.diagnosis.readings import silent_if_unmeasurable
from parity.engine.setup import Setup
from parity.engine.sides import faithful_copy, state_to_float64
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
        return silent_if_unmeasurable(_own_class, port, setup.config) or _finding({"class": (_class_name(built), _class_name(expected))}, setup.config,
                                                          confirmed=False)
    differences = settings_differences(built, expected)
    if not differences:
        return _unseeded(setup, failure, numpy, port, built, expected)
    _write(built, {key: want for key, (_, want) in differences.items()})
    step = _agrees(setup, failure, numpy, port)
    return _finding(differences, setup.config, confirmed=True, step=step) if step else None


REPLAY_STEPS = 5  # steps an optimizer of the port's own class is driven with the run's on the same gradients


def _own_class(port, config: RunConfig) -> Finding | None:
    """An optimizer class of the port's own, driven beside the run's on the same float64 gradients from the same
    weights: the first step where their updates part, and what its state holds then against the run's."""
    model, optimizer = faithful_copy((port.model, port.optimizer))
    model.double()
    state_to_float64(optimizer)
    params = [p for group in optimizer.param_groups for p in group["params"]]
    twins = [p.detach().clone().requires_grad_(True) for p in params]
    run = torch_net.make_optimizer(config.optimizer, twins, config.lr, config.momentum, config.dampening, config.betas,
                                   config.eps, config.weight_decay)
    generator, said = torch.Generator().manual_seed(0), []
    for step in range(1, REPLAY_STEPS + 1):
        before = [p.detach().clone() for p in params]
        for p, twin in zip(params, twins):
            p.grad = torch.randn(p.shape, generator=generator, dtype=torch.float64)
            twin.grad = p.grad.clone()
        optimizer.step(), run.step()
        moved = torch.cat([(p.detach() - b).ravel() for p, b in zip(params, before)]).numpy()
        wanted = torch.cat([(t.detach() - b).ravel() for t, b in zip(twins, before)]).numpy()
        if relative_gap(moved, wanted) > 1e-9:
            return _parted(optimizer, said, step, config) if step > 1 else None
        said = _state_relations(optimizer, run, params, twins)
        for p, twin in zip(params, twins):
            with torch.no_grad():
                twin.copy_(p)
    return None


def _state_relations(optimizer, run, params, twins) -> list[str]:
    """Each state tensor of the port's optimizer that holds a function of one of torch.optim's, by relation."""
    said = []
    for p, twin in zip(params[:1], twins[:1]):
        mine = {k: v for k, v in optimizer.state[p].items() if torch.is_tensor(v) and v.shape == p.shape}
        for key, want in run.state[twin].items():
            for name, have in mine.items() if torch.is_tensor(want) and want.shape == p.shape else ():
                relation = _relation(have.detach().numpy(), want.detach().numpy())
                if relation and relation != "equal":
                    said.append(f"its state '{name}' holds {relation.format(key=key)}")
    return said


def _parted(optimizer, said: list[str], step: int, config: RunConfig) -> Finding:
    what = ("; ".join(said) + ": an in-place operation on the state (v.sqrt_(), m.mul_(...)) where a new tensor belongs"
            if said else "its state is kept otherwise")
    return Finding("optimizer-variant", f"The port's own optimizer class ({type(optimizer).__name__}), given the same gradients "
                   f"as the run's --optimizer {config.optimizer} from the same weights, steps alike at step 1 and parts at "
                   f"step {step}: after step {step - 1}, {what}.", {"side": "torch", "step": step},
                   "Compare the class's step with torch.optim's documented algorithm, state by state.", 0.9 if said else 0.75)


def _relation(have: np.ndarray, want: np.ndarray) -> str | None:
    if relative_gap(have, want) <= 1e-9:
        return "equal"
    if np.all(want >= 0) and relative_gap(have, np.sqrt(want)) <= 1e-9:
        return "the square root of torch.optim's '{key}'"
    if relative_gap(have, want ** 2) <= 1e-9:
        return "the square of torch.optim's '{key}'"
    if np.all(want >= 0) and np.ptp(want) > 0:
        fit = np.polyfit(np.sqrt(want).ravel(), have.ravel(), 1)
        if relative_gap(have, fit[0] * np.sqrt(want) + fit[1]) <= 1e-9:
            return (f"{fit[0]:.6g}·√({{key}}) + {fit[1]:.3g}, torch.optim's '{{key}}' turned into the step's denominator "
                    "(√v̂ + ε) and kept in its place")
    return None


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
