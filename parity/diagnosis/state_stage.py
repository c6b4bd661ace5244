"""The optimizer-state stage of two programs as written: a state that parts (Adam's moments, a velocity) read by
what one factor for every parameter, the gradient alone, or rows never moved on one side can show."""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_constants import constant_law, dampened_start, learning_rate_in_state, other_constant
from parity.diagnosis.ratios import clipping_norms, constant_ratio
from parity.diagnosis.state_carried import entries_reset, not_carried
from parity.diagnosis.state_decay import decay_in_state

SQUARES = ("sum", "square_avg", "exp_avg_sq", "acc_delta", "square_avg_sq")  # accumulators of squares: a start of their own


def state_findings(name: str, numpy_record: dict, torch_record: dict, step: int,
                   constants: dict[str, float] | None = None, context: Any = None) -> list[Finding]:
    """An optimizer state that parts while every gradient before it agreed: the state's own update differs; or, where
    every parameter's state is one factor times the other side's, the gradients were scaled between the two; or the
    two differ by a multiple of the parameter (a weight decay in the gradient on one side)."""
    parameter, _, kind = name.partition(".")
    held = getattr(context, "numpy_before", {})
    if (decayed := decay_in_state(name, numpy_record, torch_record, step, constants or {}, held.get(parameter), held)) is not None:
        return [decayed]
    unseen = step >= 2 and f"{parameter}.grad" not in numpy_record  # its gradients kept, the readings after say more
    if still := _state_still(name, numpy_record, torch_record, step) or not_carried(  # a state skipped, or not carried
            name, numpy_record, torch_record, getattr(context, "torch_previous", {}) if unseen else {}, step, constants or {}):
        return [still]
    if step == 1 and kind in SQUARES and (offset := _start_apart(kind, numpy_record, torch_record)) is not None:
        return [Finding("optimizer-state", f"Every parameter's {kind} at step 1 is the port's {offset:+.6g}, the same number "
                        f"at every element: the two programs start their {kind} {abs(offset):.6g} apart (an accumulator's "
                        "initial value: torch's Adagrad takes initial_accumulator_value, 0 unless given; a buffer "
                        "started at ones, not zeros).", {"step": step, "state": kind, "offset": offset},
                        f"Start the {kind} at the same value in both programs.", 0.85)]
    ratio = constant_ratio(numpy_record[name], torch_record[name])
    shared = _shared_state_factor(kind, numpy_record, torch_record)
    dampened = dampened_start(kind, shared, constants or {}, step) if shared is not None else ""
    if shared is not None and ratio is not None and (law := "; or ".join(filter(None, (
            other_constant(kind, shared, constants or {}, step), dampened,
            learning_rate_in_state(kind, shared, constants or {}),
            constant_law(shared, constants or {}))))):  # each reading that fits, where one number is two constants
        return [Finding("optimizer-state", f"Every parameter's {kind} is {shared:.6g} times the port's at step {step}: "
                        f"{law}.", {"step": step, "state": kind, "ratio": shared},
                        f"Update the {kind} with the same constant in both programs.",
                        0.85 if law == dampened else 0.75)]  # torch's own rule
    if shared is None and ratio is not None and len(_states(kind, numpy_record, torch_record)) == 1 and \
            (law := other_constant(kind, ratio, constants or {}, step)):  # one parameter: its own ratio is every one's
        return [Finding("optimizer-state", f"The {kind} of {parameter} (the one parameter) is {ratio:.6g} times the "
                        f"port's at step {step}: {law}.", {"step": step, "state": kind, "ratio": ratio},
                        f"Update the {kind} with the same constant in both programs.", 0.75)]
    if shared is not None and ratio is not None:
        # a norm's ratio to another is the same for the gradients as clipped: either side's will do
        grads = [{k: v for k, v in record.items() if k.endswith(".grad")} for record in (numpy_record, torch_record)]
        norms = clipping_norms(grads[0] or grads[1], shared)
        agree = " while the gradients agree" if all(grads) else ""
        how = (f": the NumPy side clips by {norms[0]}, where the port takes {norms[1]}" if norms else
               ": the gradients are scaled between the backward pass and the optimizer on one side (clipping by a norm "
               "computed otherwise, or a scale of the gradient)")
        return [Finding("clipping", f"Every parameter's {kind} is {shared:.6g} times the port's at step {step}{agree}: "
                        f"one factor for all parameters{how}.", {"step": step, "state": kind, "ratio": shared},
                        "Scale (clip) the gradients by the same norm in both programs.", 0.9 if norms else 0.7)]
    if shared is None and ratio is not None and (own := _groups_constant(name, numpy_record, torch_record, ratio, step, constants)):
        return [own]
    shown = f" (ratio {ratio:.6g}, constant over the tensor)" if ratio is not None else ""
    if f"{parameter}.grad" not in numpy_record or f"{parameter}.grad" not in torch_record:
        return [Finding("optimizer-state", f"The optimizer's {kind} of {parameter} differs at step {step}{shown}; the "
                         f"NumPy program keeps its gradients to itself, so whether they agreed before it is not known: the "
                         f"gradients or the optimizers' state updates differ.", {"step": step, "parameter": parameter,
                         "state": kind, "ratio": ratio}, f"Compare how each program computes {parameter}'s gradient and "
                         f"updates its {kind}; give --grads to compare the gradients.", 0.5)]
    return [_own_update(name, numpy_record, torch_record, step, ratio, constants)]


def _groups_constant(name: str, numpy_record: dict, torch_record: dict, ratio: float, step: int,
                     constants: dict[str, float] | None) -> Finding | None:
    """One parameter's state a constant's ratio of the port's, the other parameters' agreeing (or sharing its ratio):
    that parameter group's constant given on one side, the optimizer's default taken on the other."""
    parameter, _, kind = name.partition(".")
    law = other_constant(kind, ratio, constants or {}, step)
    others = (constant_ratio(numpy_record[k], torch_record[k]) for k in _states(kind, numpy_record, torch_record))
    if not law or not all(r is not None and min(abs(r - 1), abs(r - ratio)) <= 1e-4 * abs(ratio) for r in others):
        return None
    return Finding("optimizer-state", f"The {kind} of {parameter} is {ratio:.6g} times the port's at step {step}, the other "
                   f"parameters' agreeing: {law}, in that parameter's group (its own constant given on one side, the "
                   "optimizer's default taken on the other).", {"step": step, "state": kind, "ratio": ratio},
                   "Give that parameter group the same constant in both programs.", 0.75)


def _effective(parameter: str, grad: Any, record: dict, constants: dict[str, float] | None) -> list[np.ndarray]:
    """The gradient a state is made of: as kept, and with the port's coupled decay λ·p (p: after the step, less its update)."""
    g = np.asarray(grad, np.float64)
    decay = (constants or {}).get("λ")
    if not decay or parameter not in record or f"{parameter}.update" not in record:
        return [g]
    before = np.asarray(record[parameter], np.float64) - np.asarray(record[f"{parameter}.update"], np.float64)
    return [g, g + decay * before] if before.shape == g.shape else [g]


def _own_update(name: str, numpy_record: dict, torch_record: dict, step: int, ratio: float | None,
                constants: dict[str, float] | None = None) -> Finding:
    """The state parts while the gradients before it agree: the gradient alone kept (no momentum carried), the state
    the negative of the port's, or, said as a stage, its own update otherwise."""
    parameter, _, kind = name.partition(".")
    shown = f" (ratio {ratio:.6g}, constant over the tensor)" if ratio is not None else ""
    grad = torch_record.get(f"{parameter}.grad")
    if reset := entries_reset(kind, parameter, np.asarray(numpy_record[name], np.float64), np.asarray(torch_record[name], np.float64), step):
        return reset
    if step >= 2 and grad is not None and np.any(grad) and relative_gap(np.asarray(numpy_record[name], np.float64), np.asarray(grad, np.float64)) <= 1e-4:
        return Finding("update-law", f"The NumPy program's {kind} of {parameter} at step {step} is the gradient alone: no "
                        "momentum carried from the step before (its velocity re-created or reset at every step, or μ·v left "
                        "out).", {"step": step, "parameter": parameter, "state": kind, "side": "numpy"},
                        "Create the optimizer's state once and keep it from step to step.", 0.85)
    if ratio is not None and abs(ratio + 1) <= 1e-4:
        return _signed_otherwise(parameter, kind, step)
    if step == 1 and kind in SQUARES and grad is not None and len(gradients := _effective(parameter, grad, torch_record, constants)) == 2 \
            and (c := constant_ratio(numpy_record[name], gradients[0] ** 2)) is not None and c > 0 and \
            (k := constant_ratio(torch_record[name], gradients[1] ** 2)) is not None and abs(k - c) <= 1e-4 * c:
        return Finding("weight-decay", f"The NumPy program's {kind} of {parameter} at step 1 is {c:.6g}·g², the gradient before weight "
                       f"decay; the port's is {c:.6g}·(g + λ·p)², λ = {constants['λ']:g}: the decay is left out of the gradient the "
                       "NumPy program's state is made of (added to the step alone, or nowhere; torch adds it first).",
                       {"step": step, "parameter": parameter, "state": kind, "side": "numpy"}, "Add the weight decay to the "
                       "gradient before the optimizer's state is updated from it, in both programs.", 0.85)
    if step >= 2 and kind in SQUARES and grad is not None and np.any(grad) and (c := next((c for g in _effective(
            parameter, grad, torch_record, constants) if (c := constant_ratio(numpy_record[name], g ** 2)) is not None and c > 0), None)):
        return Finding("update-law", f"The NumPy program's {kind} of {parameter} at step {step} is this step's squared "
                       f"gradient alone ({c:.6g}·g²): the squares of the steps before are not carried (the accumulator "
                       "overwritten, cache = g² where cache += g² belongs, or made again at every step).",
                       {"step": step, "parameter": parameter, "state": kind, "side": "numpy"},
                       "Add each step's square into the state the optimizer keeps from step to step.", 0.85)
    return Finding("optimizer-state", f"The optimizer's {kind} of {parameter} differs at step {step}{shown} while the "
                     f"gradients before it agree: the two optimizers update their state differently (a β, a square, a "
                     f"dampening, a missing first step).", {"step": step, "parameter": parameter, "state": kind, "ratio": ratio},
                     f"Compare how each program updates its {kind} from the gradient.", 0.7)  # a stage, not a form


def _signed_otherwise(parameter: str, kind: str, step: int) -> Finding:
    return Finding("sign-flip", f"The optimizer's {kind} of {parameter} at step {step} is the negative of the port's (ratio -1, "
                   "constant over the tensor) while the gradients before it agree: that state's update is written with the "
                   "other sign on one side (a difference taken the other way round: slow - fast for fast - slow).",
                   {"step": step, "parameter": parameter, "state": kind, "ratio": -1.0},
                   f"Update the {kind} with the same sign in both programs.", 0.8)


def _state_still(name: str, numpy_record: dict, torch_record: dict, step: int) -> Finding | None:
    """A state all zeros on one side, where the other side's has moved: that side's optimizer skipped the parameter."""
    parameter, _, kind = name.partition(".")
    mine, theirs = (np.asarray(r[name], np.float64) for r in (numpy_record, torch_record))
    if np.any(mine) == np.any(theirs):
        return None
    side = "numpy" if not np.any(mine) else "torch"
    record = numpy_record if side == "numpy" else torch_record
    updates = [r.get(f"{parameter}.update") for r in (numpy_record, torch_record)]
    held = all(u is not None and not np.any(u) for u in updates)  # a warm-up at lr 0: neither side moves it
    if not held and not np.any(record.get(f"{parameter}.grad", 0.0)):
        return None  # a side that moves the parameter otherwise, or whose gradient is zero: the gradient, not the state
    who = "The NumPy program" if side == "numpy" else "The port"
    own = updates[0 if side == "numpy" else 1]
    if own is not None and np.any(own):  # the parameter moves on that side: no skip, the state alone is held
        return Finding("optimizer-state", f"{who}'s {kind} of {parameter} is all zeros at step {step}, where the other "
                       f"program's has moved (largest entry {float(np.abs(theirs if side == 'numpy' else mine).max()):.4g}), "
                       f"though {who[0].lower() + who[1:]} moves {parameter} at that step: that state "
                       "alone is not kept at this step on that side (reset, or updated on another schedule: every k steps, "
                       "from another step count).", {"step": step, "parameter": parameter, "state": kind, "side": side},
                       f"Update (or reset) {parameter}'s {kind} at the same steps in both programs.", 0.75)
    return Finding("not-updated", f"{who} never moves the {kind} of {parameter}: it is all zeros at step {step}, where the "
                   f"other program's has moved (largest entry {float(np.abs(theirs if side == 'numpy' else mine).max()):.4g}). "
                   "That side's optimizer skips the parameter at this step, its state with it (a warm-up or a freeze written "
                   "as a skip in the update loop: torch's optimizers update the state of every parameter with a gradient, "
                   "even at lr 0).", {"step": step, "parameter": parameter, "state": kind, "side": side},
                   f"Update {parameter}'s {kind} at every step in both programs (freeze it by a learning rate of 0, not by "
                   "skipping it), or skip it in both.", 0.85)


def frozen_rows(built, parameter: str, numpy_record: dict, torch_record: dict, step: int) -> list[Finding]:
    """Rows of a parameter that one side never moves while the other moves them (an embedding's padding_idx)."""
    a, b = (record.get(f"{parameter}.update") for record in (numpy_record, torch_record))
    if a is None or b is None or np.ndim(a) < 2 or np.shape(a) != np.shape(b):
        return []
    still = lambda u: ~np.any(np.asarray(u).reshape(len(u), -1), axis=1)  # noqa: E731
    for side, mine, other in (("port", b, a), ("NumPy program", a, b)):
        rows = np.flatnonzero(still(mine) & ~still(other))
        if 0 < rows.size < len(mine):
            padding = _padding_index(built, parameter) if side == "port" else None
            padded = padding is not None and padding in rows.tolist()
            why = (f": the port's Embedding has padding_idx={padding}, whose row never receives a gradient" if padded
                   else ": no gradient reaches them on that side (a mask, a padding row)")
            both = ~still(mine) & ~still(other)
            wider = not padded and both.any() and not np.allclose(np.asarray(a, np.float64)[both], np.asarray(b, np.float64)[both],
                                                                  rtol=1e-3, atol=1e-3 * float(np.abs(b).max()))
            if wider:
                why = (": the rows both programs move differ too, so the still rows are one sign of a wider difference "
                       "in that parameter's gradient (a term of it missing on one side), not their own cause")
            return [Finding("not-updated", f"The {side} never moves row(s) {rows.tolist()[:6]} of {parameter} at step {step}; "
                            f"the other program moves them{why}.", {"step": step, "parameter": parameter,
                            "rows": rows.tolist()[:6], **({} if wider else {"side": "torch" if side == "port" else "numpy"})},
                            "Drop padding_idx where that row is a real token (or freeze it on both sides).", 0.6 if wider else 0.85)]
    return []


def _padding_index(built, parameter: str) -> int | None:
    try:
        model = built.make_sides()[1].names["model"]
    except Exception:  # noqa: BLE001 - a port that cannot be built again here: no module to read
        return None
    pair = next((p for p in built.pairs if p.name == parameter), None)
    modules = dict(model.named_modules())
    owner = modules.get(pair.torch.rpartition(".")[0]) if pair else None
    return getattr(owner, "padding_idx", None)


def _shared_state_factor(kind: str, numpy_record: dict, torch_record: dict) -> float | None:
    """The one ratio every parameter's state of this kind shows (numpy over torch), where there are two or more and
    it is not 1."""
    names = _states(kind, numpy_record, torch_record)
    ratios = [constant_ratio(numpy_record[k], torch_record[k]) for k in names]
    if len(names) < 2 or any(r is None for r in ratios) or np.ptp(ratios) > 1e-4 * max(abs(r) for r in ratios):
        return None
    return None if abs(ratios[0] - 1) <= 1e-4 else float(np.mean(ratios))


def _start_apart(kind: str, numpy_record: dict, torch_record: dict) -> float | None:
    """One number that every parameter's state is apart by, at every element: the state's starting value."""
    keys = _states(kind, numpy_record, torch_record)
    gaps = [np.asarray(numpy_record[k], np.float64) - np.asarray(torch_record[k], np.float64) for k in keys]
    if not gaps or sum(g.size for g in gaps) < 2:
        return None
    every = np.concatenate([g.ravel() for g in gaps])
    offset = float(np.median(every))
    scale = max(float(np.abs(np.asarray(torch_record[k])).max(initial=0.0)) for k in keys)
    return offset if abs(offset) > 1e-6 * max(scale, 1.0) and np.ptp(every) <= 1e-5 * max(abs(offset), scale) else None


def _states(kind: str, numpy_record: dict, torch_record: dict) -> list[str]:
    return [k for k in numpy_record if k.endswith(f".{kind}") and k in torch_record]


def numpy_gradient(numpy_record: dict, parameter: str, step: int, constants: dict[str, float],
                   decay: float = 0.0) -> np.ndarray | None:
    """The NumPy program's gradient of the parameter: kept, or read from its first step's optimizer state (a momentum
    buffer starts as g, Adam's first moment as (1 - β1)·g, taken with the port's β1), or, where the port steps with
    SGD, from its first update, -lr·g at the port's lr; None where none shows it. Read from a state or an update, it
    is g + λ·θ where the port's optimizer couples a weight decay λ: λ·θ (θ before the step) is taken off."""
    if f"{parameter}.grad" in numpy_record:
        return np.asarray(numpy_record[f"{parameter}.grad"], np.float64)
    if step != 1:
        return None
    read = _from_state(numpy_record, parameter, constants)
    if read is None or not decay or parameter not in numpy_record or f"{parameter}.update" not in numpy_record:
        return read
    before = np.asarray(numpy_record[parameter], np.float64) - np.asarray(numpy_record[f"{parameter}.update"], np.float64)
    return read - decay * before


def _from_state(numpy_record: dict, parameter: str, constants: dict[str, float]) -> np.ndarray | None:
    if f"{parameter}.momentum_buffer" in numpy_record:
        return np.asarray(numpy_record[f"{parameter}.momentum_buffer"], np.float64)
    if f"{parameter}.exp_avg" in numpy_record and "β1" in constants:
        return np.asarray(numpy_record[f"{parameter}.exp_avg"], np.float64) / (1 - constants["β1"])
    if any(f"{parameter}.{kind}" in numpy_record for kind in ("sum", "square_avg")):
        return _divided_by_root(numpy_record, parameter, constants)
    plain = "lr" in constants and "sgd" in constants
    if plain and f"{parameter}.update" in numpy_record:  # SGD's first step, momentum or not, is -lr·g (the port's lr)
        return -np.asarray(numpy_record[f"{parameter}.update"], np.float64) / constants["lr"]
    return None


def _divided_by_root(numpy_record: dict, parameter: str, constants: dict[str, float]) -> np.ndarray | None:
    """Adagrad's and RMSprop's first update, -lr·g/√s, read back as g at the port's lr; taken only where the squares
    it gives are the state's own, up to one starting value (s = s0 + g², or (1 - α)·g²): the lr borne out."""
    update = numpy_record.get(f"{parameter}.update")
    for kind, weight in (("sum", 1.0), ("square_avg", 1 - constants.get("α", 1.0))):
        state = numpy_record.get(f"{parameter}.{kind}")
        if state is None or update is None or "lr" not in constants or weight <= 0 or (kind == "sum" and "α" in constants):
            continue
        state, update = np.asarray(state, np.float64), np.asarray(update, np.float64)
        if state.size < 2:
            continue  # one square is its own start: nothing bears the lr out
        scale = max(float(np.abs(state).max(initial=0.0)), 1e-30)
        theta = np.asarray(numpy_record.get(parameter, 0.0), np.float64)  # the parameter: its update's own rounding
        rounding = 2.4e-7 * np.abs(theta) / np.maximum(np.abs(update), 1e-30)  # an update read as p_new - p_old
        fits = []
        for eps in EPSILONS:  # the ε beside √s, as torch's defaults and hand-written programs take it: the best fit
            g = -update * (np.sqrt(np.maximum(state, 0.0)) + eps) / constants["lr"]
            squares = state - float(np.median(state - weight * g * g))
            gap = np.abs(weight * g * g - squares) / (np.abs(squares) * (1 + 1e3 * rounding) + 1e3 * STATE_ROUNDING * np.abs(state)
                                                      + 1e-6 * scale)  # a state's own rounding: a square far below its start
            fits.append((float(gap.max(initial=0.0)), eps, g))
        worst, _, g = min(fits, key=lambda f: f[0])
        if worst <= 1e-3:
            return g  # every entry's square is the state's own (to its float32 rounding), up to one start
    return None


EPSILONS = (0.0, 1e-10, 1e-8, 1e-7, 1e-6)
STATE_ROUNDING = 1.2e-7  # float32's relative spacing: a state started at 1 holds a small square to about that
