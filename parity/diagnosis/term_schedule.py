"""A term one loss has and the other lacks at the failing step, followed over the next steps from each step's shared
start: the two programs' weights on that term, as a ratio per step, read against a weight one step behind on one
side (a warm-up counter read before it is incremented) or a weight held at 0 on one side for a while (an integer
division t // W where t / W belongs).

    L_numpy(t) - L_port(t) = (w_numpy(t) - w_port(t)) · K(t),   the term as one side computes it: w(t) · K(t)
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import lockstep, replayed, traces
from parity.diagnosis.value_trace import Value, describe

FOLLOWED = 6  # steps the term is followed over
EXACT = 1e-4


def scheduled(setup: Any, built: Any, step: int, found: Finding, term: tuple | None) -> Finding:
    """A finding that the losses differ by one term (`term`: offset_term's whose and value), with that term's weights
    followed over the steps where they show a schedule."""
    schedule = term_schedule(setup, built, step, term[0], term[1]) if term else ""
    if not schedule:
        return found
    return Finding(found.name, found.explanation + schedule, {**found.evidence, "schedule": schedule},
                   "Weigh the term alike at every step in both programs (the same warm-up, its counter read alike).",
                   0.8 if "behind" in schedule or "then both carry it" in schedule else max(found.score, 0.75))


def term_schedule(setup: Any, built: Any, step: int, side: str, value: Value) -> str:
    """The ratio of the two programs' weights on the term `value` (a value of `side`'s trace at `step`), step by step,
    and what it shows; "" where it is no schedule of a weight (one ratio throughout, or no ratio to read)."""
    ratios = _ratios(setup, built, step, side, value)
    if len(ratios) < 3:
        return ""
    if all(r == 0.0 for r in ratios) or all(np.isinf(r) for r in ratios):
        whose = "NumPy program's" if ratios[0] == 0.0 else "port's"
        return (f" Followed over steps {step} to {step + len(ratios) - 1} from each step's shared start, the {whose} weight "
                f"on {describe(value)} is 0 at every one of them, where the other's is not: a weight held at 0 on one side "
                "(a warm-up's integer division t // W where t / W belongs, a warm-up longer on that side, or a term "
                "switched off)." + (decayed_instead(setup, built, step) if whose == "port's" else ""))
    if all(abs(r - ratios[-1]) <= EXACT * abs(ratios[-1]) for r in ratios if np.isfinite(r)):
        return ""
    shown = ", ".join("∞" if np.isinf(r) else f"{r:.4g}" for r in ratios)
    steps = range(step, step + len(ratios))
    head = (f" Followed over steps {step} to {steps[-1]} from each step's shared start, the NumPy program's weight on "
            f"{describe(value)} over the port's is {shown}")
    for ahead, said in ((lambda t: t / (t - 1) if t > 1 else np.inf, "port's"), (lambda t: (t - 1) / t, "NumPy program's")):
        if all(_same(r, ahead(t)) for r, t in zip(ratios, steps)):
            return (f"{head}: t/(t - 1) the other way round of a weight growing with the step, so the {said} weight runs one "
                    f"step behind (a warm-up weight t/W computed before the step counter is incremented, or counted from 0 "
                    "on one side and from 1 on the other).")
    held = [t for r, t in zip(ratios, steps) if r == 0.0 or np.isinf(r)]
    if held and held == list(steps[:len(held)]) and len(held) < len(ratios):
        whose = "NumPy program's" if ratios[0] == 0.0 else "port's"
        return (f"{head}: the {whose} weight on that term is 0 for steps {held[0]} to {held[-1]}, where the other's is not, "
                "then both carry it: a weight held at 0 for a while on one side (an integer division t // W where t / W "
                "belongs, a warm-up longer or started later on one side).")
    return ""  # ratios that follow no weight's schedule: the term is not one weight times one value on both sides


def decayed_instead(setup: Any, built: Any, step: int) -> str:
    """The port's optimizer's weight decay, where one is set: a penalty of the NumPy program's loss moved into the
    port's optimizer."""
    optimizer = replayed(setup, built, step)[1].names.get("optimizer")
    decays = sorted({g.get("weight_decay", 0.0) for g in getattr(optimizer, "param_groups", ())} - {0.0, 0})
    if not decays:
        return ""
    return (f" The port's {type(optimizer).__name__} holds weight_decay={decays[0]:g}: that penalty moved from the loss into "
            "the optimizer, where it decays every entry of every parameter at every step (and, with momentum or an "
            "adaptive step, through the optimizer's state), not only the entries the loss's term reads.")


def _ratios(setup: Any, built: Any, step: int, side: str, value: Value) -> list[float]:
    last = min(step + FOLLOWED - 1, getattr(setup, "steps", step + FOLLOWED - 1))
    losses = {t: (_loss(a), _loss(b)) for t, a, b, _ in lockstep(setup, built, last) if t >= step}
    ratios = []
    for t in range(step, last + 1):
        trace = traces(setup, built, t)[0 if side == "NumPy program" else 1]
        term = trace.values[value.index] if value.index < len(trace.values) else None
        if term is None or term.op != value.op or term.array.shape != value.array.shape or None in losses.get(t, (None,)):
            break
        mine, gap = float(term.array.ravel()[0]), losses[t][0] - losses[t][1]
        numpy_term, port_term = (mine, mine - gap) if side == "NumPy program" else (mine + gap, mine)
        scale = max(abs(numpy_term), abs(port_term), 1e-30)
        numpy_term, port_term = (0.0 if abs(x) <= EXACT * scale else x for x in (numpy_term, port_term))
        ratios.append(np.inf if port_term == 0.0 and numpy_term else 1.0 if port_term == numpy_term == 0.0 else numpy_term / port_term)
    return ratios


def _loss(record: dict) -> float | None:
    return float(np.ravel(record["loss"])[0]) if "loss" in record else None


def _same(a: float, b: float) -> bool:
    return (np.isinf(a) and np.isinf(b)) or (np.isfinite(a) and np.isfinite(b) and abs(a - b) <= 1e-3 * abs(b))


NUMBERS = re.compile(r"with another number: the NumPy program with ([-+0-9.e]+), the port with ([-+0-9.e]+) ")


def numbers_followed(setup: Any, built: Any, step: int, found: Finding) -> Finding:
    """A finding that both sides apply one op with another number, with the two numbers followed over the next steps
    where they move: a schedule's number one step ahead on one side (a margin or a temperature from a counter read
    after it is incremented)."""
    written = NUMBERS.search(found.explanation)
    if written is None:
        return found
    a, b = float(written.group(1)), float(written.group(2))
    numpy_trace, torch_trace = traces(setup, built, step)
    places = [next((v.index for v in trace.values if any(_near(i, x) for i in v.inputs if isinstance(i, float))), None)
              for trace, x in ((numpy_trace, a), (torch_trace, b))]
    if None in places:
        return found
    last = min(step + FOLLOWED - 1, getattr(setup, "steps", step + FOLLOWED - 1))
    runs = list(zip(*(_numbers_at(setup, built, t, places) for t in range(step, last + 1))))
    if len(runs) != 2 or len(runs[0]) < 3 or any(x is None for run in runs for x in run) or len(set(runs[0])) == 1:
        return found
    mine, theirs = runs
    shown = f"the NumPy program's {', '.join(f'{x:g}' for x in mine)}; the port's {', '.join(f'{x:g}' for x in theirs)}"
    for ahead, whose in ((theirs, mine), (mine, theirs)):
        if all(_near(x, y) for x, y in zip(ahead[:-1], whose[1:])):
            side = "port's" if ahead is theirs else "NumPy program's"
            said = (f" Followed over steps {step} to {last} from each step's shared start, the two numbers move: {shown}. "
                    f"The {side} number runs one step ahead of the other's: the same schedule, its step counted from "
                    "another start (a counter incremented before it is read, or counted from 1 where 0 belongs).")
            return Finding(found.name, found.explanation + said, {**found.evidence, "schedule": said},
                           "Read the schedule's counter alike in both programs.", max(found.score, 0.85))
    return found


def _numbers_at(setup: Any, built: Any, t: int, places: list[int]) -> tuple[float | None, float | None]:
    found = []
    for trace, index in zip(traces(setup, built, t), places):
        value = trace.values[index] if index < len(trace.values) else None
        numbers = [i for i in value.inputs if isinstance(i, float)] if value is not None else []
        found.append(numbers[0] if len(numbers) == 1 else None)
    return found[0], found[1]


def _near(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-5 * max(abs(x), abs(y), 1e-12)
