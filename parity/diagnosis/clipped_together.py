"""Gradients clipped together by one global norm: where some gradients differ, the norm they enter differs, and every
other gradient is scaled by one factor too. The first gradient to fail (an output bias, say) is then only scaled;
the slip lies in the gradients that part otherwise, and those are read instead.

    bo.grad = r · the port's, as are most      →   one factor r from the clipping
    W_hd.grad parts otherwise                  →   read W_hd's backward pass (written_backward)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.backward_again import raw_gradients
from parity.diagnosis.clip_handling import clipped_after_step, handling_finding
from parity.diagnosis.finding import Finding
from parity.diagnosis.optimizer_constants import constant_law, coupled_decay
from parity.diagnosis.quietly import quietly
from parity.diagnosis.mean_counts import count_meaning, masked_count
from parity.diagnosis.ratios import clipping_norms, constant_ratio, ratio_meaning
from parity.diagnosis.replays import traces
from parity.diagnosis.written_readings import roots
from parity.diagnosis.state_stage import numpy_gradient
from parity.diagnosis.written_backward import written_backward

SAME = 1e-4  # two gradients' ratios one factor
READ = 4  # gradients that part otherwise read, in order, until one is read


def clipped_together(setup: Any, built: Any, name: str, numpy_record: dict, torch_record: dict, step: int,
                     constants: dict[str, float] | None = None) -> Finding | None:
    """`name` a gradient, or at the first step a state made from one (a momentum buffer, Adam's first moment): each
    side's gradients are the kept ones, or read from that state."""
    mine, theirs = _both_gradients(numpy_record, torch_record, step, constants or {})
    raw = raw_gradients(setup, built, step) if setup is not None else {}
    if after := clipped_after_step(torch_record, raw, step, (constants or {}).get("β1")):
        return after
    if setup is not None and (handled := _handled(numpy_record, torch_record, step, constants or {}, raw)):
        return handled
    signed = len([p for p in mine if p in theirs]) >= 2
    if not signed and step == 1:  # a mean of squares kept: the gradients' sizes, whose ratios are the factors' sizes
        mine, theirs = (_sizes(record, constants or {}) for record in (numpy_record, torch_record))
    parameters = [p for p in mine if p in theirs]
    ratios = {p: constant_ratio(mine[p], theirs[p]) for p in parameters}
    r = ratios.get(name.partition(".")[0])
    if r is None or abs(r - 1) <= SAME or len(parameters) < 2:
        return None
    scaled = [p for p, q in ratios.items() if q is not None and abs(q - r) <= SAME * abs(r)]
    agreeing = [p for p, q in ratios.items() if q is not None and abs(q - 1) <= SAME]
    apart = [p for p in parameters if p not in scaled and p not in agreeing]
    if len(scaled) < 2 or all(np.size(mine[p]) < 2 for p in scaled):
        return None  # one gradient scaled alone (a hook on it, a factor in its own backward), or gradients of one number
        # each (output biases, whose ratios any one factor of their shared delta makes alike): no norm shared by all
    where = {"step": step, "stage": "backward"}
    if len(apart) >= 2 and (other := _one_factor([ratios[p] for p in apart])) is not None:
        return Finding("backward", f"At step {step} the gradients part in two groups, one factor each: those of "
                       f"{', '.join(scaled)} are {r:.6g} times the port's, those of {', '.join(apart)} {other:.6g} times: "
                       f"one group scaled by {r / other:.6g} against the other on one side; behind a clipping by a global "
                       "norm, which group holds the slip the numbers do not tell.", {**where, "groups": [scaled, apart]},
                       "Compare the backward passes of the two groups: the factor lies on a path one group takes and "
                       "the other does not.", 0.55)
    if agreeing and not apart:
        return None  # one factor on some gradients while the others agree: no norm scales a part (a factor on their path)
    kept = any(k.endswith(".grad") for k in numpy_record)
    if not kept and (not apart or constant_law(r, constants or {}) or constant_law(1 / r, constants or {})):
        return None  # one factor read from a state: the state's own constant taken otherwise is as likely (state_findings)
    if not apart:
        norms = clipping_norms({p: mine[p] for p in parameters}, r)
        if not norms and (counted := _counted(r, setup, built, step)):
            return Finding("loss-reduction", f"Every parameter's gradient is {r:.6g} times the port's at step {step}: one "
                           f"factor for all: {counted[0]}.", {**where, "ratio": r}, "Divide the loss by the same count in "
                           "both programs (the rows it reads, or every element).", counted[1])
        how = (f": the NumPy side clips by {norms[0]}, where the port takes {norms[1]}" if norms else
               ": the gradients are scaled on one side before they are kept (clipping by a norm computed otherwise, a scale)")
        return Finding("clipping", f"Every parameter's gradient is {r:.6g} times the port's at step {step}: one factor for "
                       f"all{how}.", {**where, "ratio": r}, "Clip the gradients by the same norm in both programs.",
                       0.9 if norms else 0.7)
    said = (f"{name.partition('.')[0]}'s gradient is {r:.6g} times the port's, as are the gradients of "
            f"{', '.join(p for p in scaled if p != name.partition('.')[0])}: one factor, {_why(r, scaled, theirs, raw)}; the gradients of "
            f"{', '.join(apart)} part otherwise, and the slip lies there.")
    if signed and (outside := _term_outside(apart, mine, theirs, r, numpy_record)):
        return _outside_finding(f"{said} {outside}", {**where, "scaled": scaled, "apart": apart, "side": "numpy"},
                                quietly(_port_penalised, setup, built, step) or set(), [theirs[p] for p in scaled])
    reads = (written_backward(setup, built, step, p, numpy_record[p], theirs[p] if signed else None, torch_record.get(p),
                              mine[p] if signed else None) for p in apart[:READ] if p in numpy_record)
    if read := next((read for read in reads if read is not None), None):
        return Finding(read.name, f"{said} {read.explanation}", {**read.evidence, "scaled": scaled}, read.fix, read.score)
    return Finding("backward", said, {**where, "apart": apart}, f"Compare the backward passes of {', '.join(apart)}.", 0.6)

def _counted(r: float, setup: Any, built: Any, step: int) -> tuple[str, float] | None:
    """The factor as a count, in words, with its fit: the batch's rows, the columns of y or of the loss's delta (a
    mean over every element where the rows' count belongs), or k of the batch's n rows (a mean over every row where
    the k rows a mask keeps belong: a count that fits by its number alone)."""
    if setup is None:
        return None
    rows = len(setup.data.X[setup.rows(step)])
    try:
        trace = traces(setup, built, step)[0]
    except Exception:  # noqa: BLE001 - a program that cannot be traced again: y's shape alone
        trace = None
    deltas = [v.array.shape for v in (trace.values if trace else []) if v.array.ndim == 2 and v.array.shape[0] == rows
              and "y" in roots(trace, v.index)][:1]
    plain = ratio_meaning(r, rows)  # half, twice, the batch size: said first, a count of columns beside it
    for of, shape in [("y", np.shape(setup.data.y)), *(("the loss's delta", d) for d in deltas)]:
        if meaning := count_meaning(r, shape, of):
            return (f"{plain[1]}, or {meaning[1]}" if plain else meaning[1]), 0.8
    if plain:
        return plain[1], 0.8
    if said := masked_count(r, rows):
        return said, 0.75
    return None


def _term_outside(apart: list[str], mine: dict, theirs: dict, r: float, numpy_record: dict) -> str:
    """Each parameter apart: its gradient the shared factor times the port's plus k·sign(θ) or k·θ, θ before the step:
    a penalty's term added outside the factor (after a clipping on one side, before it on the other)."""
    said = []
    for p in apart:
        if f"{p}.update" not in numpy_record or p not in numpy_record or np.shape(mine[p]) != np.shape(theirs[p]):
            return ""
        before = np.asarray(numpy_record[p], np.float64) - np.asarray(numpy_record[f"{p}.update"], np.float64)
        rest = np.asarray(mine[p], np.float64) - r * np.asarray(theirs[p], np.float64)
        for form, words in ((np.sign(before), f"sign({p}), an L1 penalty's subgradient"), (before, f"{p}, an L2 term or a decay")):
            k = float(np.vdot(rest, form) / max(float(np.vdot(form, form)), 1e-300))
            if abs(k) > 0 and np.count_nonzero(form) >= 3 and np.allclose(rest, k * form, rtol=1e-3,
                                                                           atol=1e-4 * float(np.abs(rest).max(initial=0.0))):
                said.append(f"{p}'s is {r:.6g} times the port's plus {k:.4g}·{words}")
                break
        else:
            return ""
    return (f"Of those, {'; '.join(said)}: a term outside the shared factor on one side, added after the clipping there "
            "and before it on the other (or on one side only).")


def _outside_finding(said: str, evidence: dict, penalised: set, scaled: list) -> Finding:
    """A penalty's term outside the shared factor; where the port penalises every parameter the term is on and none
    inside the factor, as well the loss's own gradient scaled on one side (clipped by one norm, the two give the same
    numbers)."""
    if penalised and not any(_shape(g) in penalised or "all" in penalised for g in scaled):  # a penalised parameter
        # inside the shared factor: the term parts alone, no scale on the loss's own gradient
        return Finding("gradient-clipping", f"{said} The port's own gradient holds such a term too (a penalty in its loss, "
                       "or its optimizer's weight decay), so this is as well the loss's own gradient scaled on one side "
                       "beside the same term on both (a mean over another count, a factor in the backward pass): clipped "
                       "by one norm, the two give the same numbers.", evidence,
                       "Compare the penalty's term and the loss's own gradient (its reduction) on both sides.", 0.7)
    return Finding("gradient-clipping", said, evidence, "Add the penalty's term to the gradient before the clipping on "
                   "both sides (or after it on both).", 0.8)


def _port_penalised(setup: Any, built: Any, step: int) -> set:
    """The shapes of the parameters whose port gradient holds a term proportional to them (each as sorted sizes, its
    layout aside): a term of its loss made from its parameters alone (λ·Σθ², traced as ops on no data), or "all"
    where its optimizer adds a coupled weight decay."""
    if coupled_decay(built) > 0:
        return {"all"}
    trace = traces(setup, built, step)[1]
    return {_shape(v.array) for v in trace.values if v.array.ndim and roots(trace, v.index) == {"?"} and
            v.op in ("pow", "square", "mul", "abs") and any(trace.values[u].op == "sum" for u in v.users)}


def _shape(array: Any) -> tuple:
    return tuple(sorted(np.shape(array)))


def _one_factor(ratios: list[float | None]) -> float | None:
    if any(q is None for q in ratios) or abs(ratios[0] - 1) <= SAME:
        return None
    return ratios[0] if all(abs(q - ratios[0]) <= SAME * abs(ratios[0]) for q in ratios) else None


def _why(r: float, scaled: list[str], theirs: dict, raw: dict) -> str:
    """A factor above 1 on the NumPy side where the port keeps back-propagation's own gradients is no clipping."""
    unclipped = r > 1 + SAME and all(p in raw and np.shape(raw[p]) == np.shape(theirs[p]) and
                                     np.allclose(theirs[p], raw[p], rtol=SAME, atol=0) for p in scaled)
    return ("larger than the port's, which are back-propagation's own: no clipping gives it (clipping never enlarges), a "
            "factor in the NumPy program's backward pass on a path those share" if unclipped else
            "as clipping by a global norm gives when the norm itself differs")


def _gradients(record: dict, step: int, constants: dict[str, float]) -> dict:
    parameters = dict.fromkeys(k.partition(".")[0] for k in record if "." in k)
    return {p: g for p in parameters if (g := numpy_gradient(record, p, step, constants)) is not None}


def _both_gradients(numpy_record: dict, torch_record: dict, step: int, constants: dict[str, float]) -> tuple[dict, dict]:
    """Each side's gradients; a NumPy gradient read from its first state less what the port's first state adds to the
    port's own gradient (a coupled weight decay λ·θ, alike on both sides where they agree)."""
    mine, theirs = (_gradients(record, step, constants) for record in (numpy_record, torch_record))
    if step != 1 or any(k.endswith(".grad") for k in numpy_record):
        return mine, theirs
    stateful = {k: v for k, v in torch_record.items() if not k.endswith(".grad")}
    for p in [p for p in mine if f"{p}.grad" in torch_record]:
        read = numpy_gradient(stateful, p, step, constants)
        if read is not None and np.shape(read) == np.shape(mine[p]) == np.shape(theirs[p]):
            mine[p] = mine[p] - (read - np.asarray(theirs[p], np.float64))
    return mine, theirs


SQUARED = {"square_avg": "α", "exp_avg_sq": "β2"}  # v = (1 - c)·g² at the first step


def _handled(numpy_record: dict, torch_record: dict, step: int, constants: dict[str, float], raw: dict) -> Finding | None:
    """The two handlings of the gradients, from the gradients each side keeps or its first step's state; where a side
    keeps only a mean of squares, the gradients' sizes |g| (clipping scales or cuts sizes alike)."""
    kept = any(k.endswith(".grad") for k in numpy_record)
    mine, theirs = _both_gradients(numpy_record, torch_record, step, constants)
    squares = len(mine) < 2 and step == 1
    if squares:
        mine, theirs = (_sizes(record, constants) for record in (numpy_record, torch_record))
        raw = {p: np.abs(np.asarray(g, np.float64)) for p, g in raw.items()}
    found = handling_finding(mine, theirs, raw, step)
    if found is None or kept or not any(k.startswith("global") for k in (found.evidence["numpy"], found.evidence["torch"])):
        return found
    # read from a state, one factor for every parameter is as well the state's own constant taken otherwise (a
    # velocity kept as an average, (1 - μ)·g): said only where no expression of the optimizer's constants gives it
    factor = found.evidence.get("factor", 1.0)
    return None if constant_law(factor ** 2 if squares else factor, constants) or \
        constant_law(1 / factor ** 2 if squares else 1 / factor, constants) else found


def _sizes(record: dict, constants: dict[str, float]) -> dict:
    found = {}
    for key, value in record.items():
        parameter, _, kind = key.partition(".")
        if key.endswith(".grad"):
            found[parameter] = np.abs(np.asarray(value, np.float64))
        elif kind in SQUARED and 0 < constants.get(SQUARED[kind], 2.0) < 1 and parameter not in found:
            found[parameter] = np.sqrt(np.maximum(np.asarray(value, np.float64), 0.0) / (1 - constants[SQUARED[kind]]))
    return found
