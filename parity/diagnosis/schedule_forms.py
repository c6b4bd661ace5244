"""The NumPy program's learning rate at each step (the port's, read off its optimizer, times the updates' ratio) held
against the port's own scheduler written otherwise, with the scheduler's own constants: a cosine without its π, a
step schedule's s / P without the floor, the decay's step counted from another start. torch's closed forms:

    CosineAnnealingLR   η_min + (η_0 - η_min)·(1 + cos(π·s / T)) / 2
    StepLR              η_0 · γ^⌊s / P⌋
    MultiStepLR         η_0 · γ^(milestones ≤ s)
    ExponentialLR       η_0 · γ^s

Where the two programs agree for some steps and then part by one factor on every parameter, the rates are read from
the first step on (the NumPy program's equal to the port's while they agree): a schedule that cuts at another step.
"""

from __future__ import annotations

import bisect
import math
import warnings
from contextlib import contextmanager
from fractions import Fraction
from typing import Any, Callable, Iterator

import numpy as np

from parity.diagnosis.evidence import fit_ratio
from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import lockstep

AGREES = 1e-4  # relative: a form that gives every rate read

Form = Callable[[np.ndarray], np.ndarray]


def written_schedule(scheduler: Any, port_rates: np.ndarray, numpy_rates: np.ndarray, more: dict[str, Form] | None = None) -> str:
    """Words for the one variant of the port's scheduler (or of `more`) that gives the NumPy program's rates, or ""."""
    forms = _forms(scheduler)
    if not forms or len(numpy_rates) < 3:
        return ""
    own, variants = forms
    for start in range(-2, 3):  # the scheduler's step count s at the first rate read
        s = np.arange(start, start + len(port_rates), dtype=np.float64)
        if not _gives(own(s), port_rates):
            continue
        for words, variant in {**variants, **_floor_fitted(scheduler, s[:len(numpy_rates)], numpy_rates), **(more or {})}.items():
            with np.errstate(all="ignore"):
                made = variant(s[:len(numpy_rates)])
                if _gives(made, numpy_rates) and not _gives(made, port_rates[:len(numpy_rates)]):  # not the port's own
                    return (f"the port's {type(scheduler).__name__} gives its rates ({_listed(port_rates)}); the NumPy "
                            f"program's ({_listed(numpy_rates)}) are that schedule with {words}")
    return ""


def _floor_fitted(scheduler: Any, s: np.ndarray, numpy_rates: np.ndarray) -> dict[str, Form]:
    """A cosine's floor read off the NumPy program's rates: η_min solved from η_min + (η_0 - η_min)·c(s), where the
    port's is another (eta_min left out of CosineAnnealingLR: torch's default 0)."""
    if type(scheduler).__name__ != "CosineAnnealingLR":
        return {}
    base, T, low = float(scheduler.base_lrs[0]), float(scheduler.T_max), float(scheduler.eta_min)
    c = (1 + np.cos(math.pi * s / T)) / 2
    weight = float(np.sum((1 - c) ** 2))
    if weight <= 1e-12:
        return {}
    floor = float(np.sum((np.asarray(numpy_rates, np.float64) - base * c) * (1 - c)) / weight)
    if not 0 < floor < base or abs(floor - low) <= 1e-3 * base:
        return {}
    own = " (torch's default, eta_min left out)" if low == 0 else ""
    return {f"η_min = {floor:.4g} where the port's eta_min is {low:g}{own}": lambda s: floor + (base - floor) * (1 + np.cos(math.pi * s / T)) / 2}


def _forms(scheduler: Any) -> tuple[Form, dict[str, Form]] | None:
    name = type(scheduler).__name__
    base = float(getattr(scheduler, "base_lrs", [0.0])[0])
    if name == "CosineAnnealingLR":
        T, low = float(scheduler.T_max), float(scheduler.eta_min)
        cosine = lambda s, k=math.pi, T=T, low=low: low + (base - low) * (1 + np.cos(k * s / T)) / 2  # noqa: E731
        return cosine, {"its π left out, cos(s / T) where cos(π·s / T) belongs": lambda s: cosine(s, k=1.0),
                        f"T = {T - 1:g} where the port's T_max is {T:g}": lambda s: cosine(s, T=T - 1),
                        f"T = {T + 1:g} where the port's T_max is {T:g}": lambda s: cosine(s, T=T + 1),
                        "η_min left out (the cosine decays to 0)": lambda s: cosine(s, low=0.0),
                        "1 - cos where 1 + cos belongs (the cosine rising)": lambda s: low + (base - low) * (1 - np.cos(math.pi * s / T)) / 2}
    if name == "StepLR":
        P, gamma = float(scheduler.step_size), float(scheduler.gamma)
        return (lambda s: base * gamma ** np.floor(s / P)), {
            f"s / {P:g} taken without the floor, γ^(s / P) (a smooth decay where StepLR cuts every {P:g} steps)":
                lambda s: base * gamma ** (s / P),
            "the step size left out, γ^s (a cut at every step)": lambda s: base * gamma ** s,
            f"a step size of {P - 1:g}": lambda s: base * gamma ** np.floor(s / (P - 1)) if P > 1 else s * np.nan,
            f"a step size of {P + 1:g}": lambda s: base * gamma ** np.floor(s / (P + 1)),
            f"one cut only, at step {P:g} (MultiStepLR(milestones=[{P:g}])), where StepLR cuts every {P:g} steps":
                lambda s: base * gamma ** np.minimum(np.floor(s / P), 1)}
    if name == "MultiStepLR":
        marks, gamma = sorted(scheduler.milestones.elements()), float(scheduler.gamma)
        cuts = lambda s, marks=marks: np.array([bisect.bisect_right(marks, x) for x in s], np.float64)  # noqa: E731
        every = marks[0]
        return (lambda s: base * gamma ** cuts(s)), {
            f"a cut every {every} steps (StepLR(step_size={every})) where the port's MultiStepLR cuts only at its "
            f"milestones {marks}": lambda s: base * gamma ** np.floor(s / every),
            f"its milestones one step later ({[m + 1 for m in marks]})": lambda s: base * gamma ** cuts(s, [m + 1 for m in marks]),
            f"its milestones one step earlier ({[m - 1 for m in marks]})": lambda s: base * gamma ** cuts(s, [m - 1 for m in marks])}
    if name == "ExponentialLR":
        gamma = float(scheduler.gamma)
        return (lambda s: base * gamma ** s), {"1 - γ where γ belongs": lambda s: base * (1 - gamma) ** s,
                                               "γ applied twice a step, γ^(2s)": lambda s: base * gamma ** (2 * s)}
    return None


def _gives(values: np.ndarray, rates: np.ndarray) -> bool:
    values, rates = np.asarray(values, np.float64), np.asarray(rates, np.float64)
    return values.shape == rates.shape and bool(np.all(np.isfinite(values))) and \
        bool(np.allclose(values, rates, rtol=AGREES, atol=AGREES * float(np.abs(rates).max(initial=0.0))))


def _listed(values: np.ndarray) -> str:
    """The values in order, a run of three or more equal ones said once with its count (0.3 ×8)."""
    said, k = [], 0
    while k < len(values):
        run = k
        while run + 1 < len(values) and abs(values[run + 1] - values[k]) <= 1e-6 * abs(values[k]):
            run += 1
        said += [f"{values[k]:.4g} ×{run - k + 1}"] if run - k >= 2 else [f"{v:.4g}" for v in values[k:run + 1]]
        k = run + 1
    return ", ".join(said)


def compounded(numpy_rates: np.ndarray, port_rates: np.ndarray, base: list[float], ratios: np.ndarray) -> str:
    """One side's rate is its rate of the step before times the other side's schedule factor at this step
    (lr ← lr·f(t), the factors compounding), where the other's is the initial rate times that factor (lr₀·f(t)).
    Both rates are read over the same steps; `base` holds the rate before the schedule's first factor."""
    initial = float(base[0])
    if len(numpy_rates) < 3 or initial <= 0 or np.any(numpy_rates <= 0) or np.any(port_rates <= 0):
        return ""
    for mine, theirs, who, other in ((numpy_rates, port_rates, "the NumPy program", "the port"),
                                     (port_rates, numpy_rates, "the port", "the NumPy program")):
        own_factor, their_factor = mine[1:] / mine[:-1], theirs[1:] / initial
        if np.ptp(their_factor) > 1e-6 and np.allclose(own_factor, their_factor, rtol=AGREES, atol=0):
            return (f"The updates' ratio moves with the step ({_listed(ratios)}), the same for every parameter: {who}'s rate at each step is its rate of the step before times {other}'s "
                    f"schedule factor at that step ({', '.join(f'{x:.4g}' for x in their_factor)}: lr ← lr·f(t)), where "
                    f"{other}'s rate is the initial rate {initial:.4g} times that factor (lr₀·f(t)): the factors compound "
                    f"on {who}'s side, a schedule applied to the current rate instead of the initial one.")
    return ""


def rates_read(setup: Any, built: Any, steps: int) -> list[float | None]:
    """The port's learning rate as its optimizer steps (a scheduler stepped before it), at each of the first steps."""
    read: list[float | None] = []
    for _ in lockstep(setup, built, steps, lambda side: _rate_read(side, read)):
        pass
    return read


def _port_optimizer(port: Any) -> Any:
    return port.names.get("optimizer") if isinstance(getattr(port, "names", None), dict) else None


@contextmanager
def _rate_read(port: Any, read: list[float | None]) -> Iterator[None]:
    """The port's step, its optimizer's rate as it steps appended to `read` (None where it has no optimizer)."""
    optimizer = _port_optimizer(port)
    if not hasattr(optimizer, "param_groups"):
        read.append(None)
        yield
        return
    taken, step_of = [], optimizer.step

    def recording(*args, **kwargs):
        taken.append(float(optimizer.param_groups[0]["lr"]))
        return step_of(*args, **kwargs)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a scheduler's note that its optimizer's step was wrapped
        optimizer.step = recording
        try:
            yield
        finally:
            optimizer.step = step_of
    read.append(taken[0] if taken else float(optimizer.param_groups[0]["lr"]))


def schedule_parted(setup: Any, built: Any, step: int, series: list[float], evidence: dict) -> Finding | None:
    """Two programs that agree up to step - 1 and then part by one factor on every parameter (`series`, from `step`
    on), the port with a scheduler: the NumPy program's rates (the port's while they agree, then times the factor)
    held against the port's scheduler written otherwise (a cut at another step, cuts that repeat or stop)."""
    port = built.make_sides()[1]
    scheduler = port.names.get("scheduler") if isinstance(getattr(port, "names", None), dict) else None
    if step < 2 or scheduler is None or not series or not all(map(math.isfinite, series)) or \
            all(abs(x - 1) <= 1e-3 for x in series):
        return None  # a factor of 1: the updates part otherwise than by a rate
    read = rates_read(setup, built, step + len(series) - 1)
    if None in read:
        return None
    rates = np.array(read, np.float64)
    numpy_rates = rates * np.concatenate([np.ones(step - 1), np.asarray(series, np.float64)])
    form = written_schedule(scheduler, rates, numpy_rates)
    if not form:
        return None
    return Finding("learning-rate-schedule", f"The programs agree up to step {step - 1}; from step {step} on every parameter's "
                   f"update is the port's times {_listed(np.asarray(series))}, a factor the learning rate explains: {form}.",
                   evidence, "Schedule both programs alike: cut the learning rate at the same steps.", 0.85)


def schedule_over_run(setup: Any, built: Any, scheduler: Any) -> str:
    """The NumPy program's rate at every step of the run (the port's, read off its optimizer, times one parameter's
    updates' ratio) held against the port's scheduler written otherwise: a staircase shows its cuts only over the
    whole run (a rate held for eight steps where the port's decays a little every step)."""
    port, numpy_rates = [], []

    for _, mine, theirs, _ in lockstep(setup, built, setup.config.steps, lambda side: _rate_read(side, port)):
        fits = [fit_ratio(np.asarray(mine[k], np.float64), np.asarray(theirs[k], np.float64))
                for k in mine if k.endswith(".update") and k in theirs]
        fit = next((f for f in fits if f is not None and f[1] <= 1e-4), None)
        if fit is None or port[-1] is None:
            return ""
        numpy_rates.append(port[-1] * fit[0])
    return written_schedule(scheduler, np.array(port, np.float64), np.array(numpy_rates), _staircases(scheduler, len(port))) \
        if len(port) >= 3 else ""


def _staircases(scheduler: Any, steps: int) -> dict[str, Form]:
    """ExponentialLR's decay applied every P steps at once (P short enough for the run to show a cut)."""
    if type(scheduler).__name__ != "ExponentialLR":
        return {}
    base, gamma = float(scheduler.base_lrs[0]), float(scheduler.gamma)
    return {f"its decay applied every {P} steps at once, γ^{P} = {gamma ** P:.4g} (a staircase: StepLR(step_size={P}, "
            f"gamma={gamma ** P:.4g}), where ExponentialLR decays a little every step)":
            (lambda s, P=P: base * gamma ** (P * np.floor(s / P))) for P in range(2, steps)}


def cosine_phase(numpy_rates: np.ndarray, port_rates: np.ndarray, base: float) -> str:
    """Both rates a half cosine of the initial rate, η_0·(1 + cos θ)/2, with phases one constant factor apart at every
    step read: the cosine's argument written otherwise on one side (its π left out where the factor is π)."""
    with np.errstate(all="ignore"):
        mine, theirs = (np.arccos(np.clip(2 * np.asarray(r, np.float64) / base - 1, -1, 1)) for r in (numpy_rates, port_rates))
    moving = (mine > 1e-3) & (theirs > 1e-3) & (np.abs(np.asarray(numpy_rates) - np.asarray(port_rates)) > 1e-6 * base)
    if moving.sum() < 3 or np.any(np.asarray(numpy_rates) > base * (1 + 1e-9)) or np.any(np.asarray(port_rates) > base * (1 + 1e-9)):
        return ""
    k = theirs[moving] / mine[moving]
    if np.ptp(k) > 1e-3 * abs(k[0]):
        return ""
    counts = Fraction(float(k[0])).limit_denominator(64)
    meaning = "; π is the factor: the π left out of the cosine on the NumPy side" if abs(k[0] - math.pi) <= 1e-3 * math.pi \
        else "; 1/π is the factor: the π left out on the port's side" if abs(k[0] * math.pi - 1) <= 1e-3 else \
        (f"; {counts.numerator}/{counts.denominator} is the factor: the progress t/T divided by {counts.numerator} steps "
         f"on the NumPy side and {counts.denominator} on the port's (a cosine over the steps after a warm-up against one "
         "over all of them, or a T counted otherwise)") if counts.denominator > 1 and abs(counts - k[0]) <= 1e-3 * k[0] else ""
    return (f"both rates are a half cosine of the initial rate {base:g}, η_0·(1 + cos θ)/2, and the port's phase θ is "
            f"{k[0]:.5g} times the NumPy program's at every step read{meaning}")


def stepped_first(setup: Any, built: Any, step: int, factor: float) -> str:
    """The port's optimizer steps at the rate its scheduler leaves for the next step (scheduler.step() called before
    optimizer.step() in its step), and the NumPy program's rate, `factor` times the port's, is the one the port's
    step begins with: said from the rates read at each step's start and as the optimizer steps; "" otherwise."""
    starts: list[float | None] = []
    taken: list[float | None] = []

    def around(port: Any) -> Any:
        optimizer = _port_optimizer(port)
        starts.append(float(optimizer.param_groups[0]["lr"]) if hasattr(optimizer, "param_groups") else None)
        return _rate_read(port, taken)
    for _ in lockstep(setup, built, step + 1, around):
        pass
    if None in starts or None in taken or len(taken) < step + 1:
        return ""
    near = lambda a, b: abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-30)  # noqa: E731
    if not all(near(taken[t], starts[t + 1]) for t in range(step)) or near(taken[step - 1], starts[step - 1]) or \
            not near(factor * taken[step - 1], starts[step - 1]):
        return ""
    return (f" The port's optimizer steps at lr = {taken[step - 1]:.6g} at step {step}, the rate its scheduler leaves for "
            f"the next step, where the step began at {starts[step - 1]:.6g}, the NumPy program's rate: the port calls "
            "scheduler.step() before optimizer.step(), so each of its steps runs at the schedule's next rate.")
