"""What two losses that part at the shared start differ by, read from both programs' losses on other batches.

Both programs, brought to the step's shared start and promoted to float64, give their loss at the same parameters
on the step's batch and on two batches drawn from the data with replacement (the same size). Where the data move
each loss but not what sets them apart:

- the ratio is one number on every batch: one loss is the other times a constant, read as the counts each divides
  by (the batch's rows, a dimension of X or y, the dataset's rows);
- the difference is one number on every batch: a term of the parameters alone (a penalty). The parameter is the
  one whose scaling moves the difference; the difference's gradient in it, by central differences on a few entries,
  is fitted as a·W + b·sign(W) + c: an L2 term, an L1 term, and a term of W's sum (its gradient the same for every
  entry, as (ΣW)²'s or |ΣW|'s is). Read with the usual sign of a penalty (it adds to the loss), which side has which;
- neither moves with the parameters either: a constant added to one loss.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.term_schedule import decayed_instead
from parity.diagnosis.replays import replayed, traces
from parity.tolerance.diagnosis import FD_ELEMENTS, FLOAT64_NOISE, LOSS_TERM_MOVES, LOSS_TERM_SPREAD

DRAWS = 2
SCALED = 1.5


def loss_terms_finding(setup: Any, built: Any, step: int) -> Finding | None:
    losses = _Losses(setup, built, step)
    batches = [setup.rows(step), *losses.draws(DRAWS)]
    pairs = [losses.at(losses.start, rows) for rows in batches]
    if any(p is None for p in pairs):
        return None
    numpy_losses, torch_losses = np.array(pairs).T
    scale = float(np.abs(torch_losses).max())
    if np.ptp(torch_losses) <= LOSS_TERM_MOVES * scale or not np.allclose(losses.at(losses.start, batches[0]), pairs[0],
                                                                           rtol=1e-12, atol=0):
        return None  # the data do not move the loss, or the program keeps state its loss depends on: nothing to read
    evidence = {"step": step, "stage": "forward", "tensor": "loss", "batches": len(batches)}
    ratios, differences = numpy_losses / torch_losses, numpy_losses - torch_losses
    if np.ptp(ratios) <= LOSS_TERM_SPREAD * abs(ratios[0]) and abs(ratios[0] - 1) > LOSS_TERM_MOVES:
        return _count_ratio(float(ratios[0]), losses.counts(), evidence)
    if np.ptp(differences) <= LOSS_TERM_SPREAD * abs(differences[0]) and abs(differences[0]) > 1e3 * FLOAT64_NOISE * scale:
        found = _penalty(losses, batches[0], float(differences[0]), evidence)
        moved = decayed_instead(setup, built, step) if differences[0] > 0 and found.name == "penalty-term" else ""
        return Finding(found.name, found.explanation + moved, found.evidence, found.fix, found.score) if moved else found
    return None


class _Losses:
    """Both programs at the step's shared start in float64, asked for their loss at given parameters and rows."""

    def __init__(self, setup: Any, built: Any, step: int) -> None:
        numpy_side, torch_side = replayed(setup, built, step)
        self.sides = numpy_side.promoted(), torch_side.promoted()
        self.start = {k: np.asarray(v, np.float64) for k, v in numpy_side.params().items()}
        self.rows_total = len(setup.data.X)
        self.rows = len(np.arange(self.rows_total)[setup.rows(step)])
        self.shapes = {"X": np.shape(setup.data.X), "y": np.shape(setup.data.y)}
        labels = np.asarray(setup.data.y)
        whole = labels.size and np.issubdtype(labels.dtype, np.number) and np.all(labels == np.round(labels)) and labels.min() >= 0
        self.classes = int(labels.max()) + 1 if whole and (labels.ndim == 1 or labels.shape[1:] == (1,)) else 0  # class labels

    def draws(self, count: int) -> list[np.ndarray]:
        rng = np.random.default_rng(0)
        return [rng.integers(0, self.rows_total, self.rows) for _ in range(count)]

    def at(self, params: dict, rows: Any) -> tuple[float, float] | None:
        losses = []
        for side in self.sides:
            side.load(params)
            record = side.step(rows)
            if "loss" not in record:
                return None
            losses.append(float(np.ravel(record["loss"])[0]))
        return losses[0], losses[1]

    def difference(self, params: dict, rows: Any) -> float:
        numpy_loss, torch_loss = self.at(params, rows)
        return numpy_loss - torch_loss

    def counts(self) -> list[tuple[int, str]]:
        found = [(self.rows, "X.shape[0], the batch's rows: the number of examples"), (1, "nothing: a sum")]
        for name, shape in self.shapes.items():
            meaning = "the features" if name == "X" else "the outputs or classes"
            found += [(size, f"{name}.shape[{axis}], {meaning if axis == 1 else 'a dimension'}") for axis, size in
                      enumerate(shape[1:], 1) if size > 1]
        outputs = int(np.prod(self.shapes["y"][1:]))
        if outputs > 1:
            found.append((self.rows * outputs, "y.size, the batch's rows times the outputs: every element"))
        if (classes := self.classes) > 1:
            found.append((self.rows * classes, f"the batch's rows times its {classes} classes: every entry of a one-hot "
                                               "or of the logits, a mean over the classes too"))
        if self.rows_total != self.rows:
            found.append((self.rows_total, "the dataset's rows"))
        unique: dict[int, str] = {}
        for count, name in [*found, (2, "2")]:
            unique[count] = f"{unique[count]}; or {name}" if count in unique and "nothing" not in unique[count] else \
                unique.get(count, name)  # every meaning of a count said, a sum's first
        return list(unique.items())


def _count_ratio(ratio: float, counts: list[tuple[int, str]], evidence: dict) -> Finding | None:
    """numpy / torch = c_torch / c_numpy where each divides one sum by its own count; every pair of counts that gives
    the ratio is said, and the side that does not divide by a mean's count (the batch's rows, or every element of y)
    named where all agree."""
    means = {count for count, name in counts if "rows" in name and "dataset" not in name}
    matches = [(a, b) for a in counts for b in counts if a != b and abs(a[0] / b[0] - ratio) <= 1e-6 * ratio
               and (2 not in (a[0], b[0]) or 1 in (a[0], b[0]) or "2" not in (a[1], b[1]))]  # a ½ against a sum: not 6 / 2
    if not matches:
        return None
    said = ", or ".join(f"by {numpy_count} ({numpy_name}) where the port divides by {torch_count} ({torch_name})"
                        for (torch_count, torch_name), (numpy_count, numpy_name) in matches)
    sides = {"numpy" if a[0] in means and b[0] not in means else "torch" if b[0] in means and a[0] not in means else None
             for a, b in matches}
    side = sides.pop() if len(sides) == 1 else None
    return Finding("loss-reduction", f"The NumPy loss is the port's times {ratio:.6g} on the step's batch and on "
                   f"{evidence['batches'] - 1} others drawn from the data, at the same parameters: the NumPy program "
                   f"divides its loss {said}.", {**evidence, "ratio": ratio, **({"side": side} if side else {})},
                   "Divide the loss by the number of examples in both programs.", 0.85 if len(matches) == 1 else 0.75)


def _penalty(losses: _Losses, rows: Any, difference: float, evidence: dict) -> Finding:
    evidence = {**evidence, "difference": difference}
    moved = [name for name, value in losses.start.items()
             if abs(losses.difference({**losses.start, name: value * SCALED}, rows) - difference) > LOSS_TERM_MOVES * abs(difference)]
    head = (f"The NumPy loss is the port's plus {difference:.6g} on the step's batch and on {evidence['batches'] - 1} others "
            f"drawn from the data, at the same parameters: the losses differ by a term of the parameters alone, not "
            f"of the data")
    if not moved:
        return Finding("loss-constant", head + ", and it stays the same when any parameter is scaled: a constant added "
                       "to one loss (a log 2π or log 2 of a likelihood, a +1 kept from a formula).",
                       evidence, "Leave the constant out of both losses, or keep it in both.", 0.8)
    said = {name: _term_of(losses, rows, name) for name in moved}
    evidence.update(parameters=moved, terms={name: terms for name, (terms, _) in said.items()})
    if sides := {side for name, (terms, _) in said.items() if (side := _sum_side(terms, float(losses.start[name].sum())))}:
        evidence["side"] = sides.pop() if len(sides) == 1 else None
    by_text: dict[str, list[str]] = {}
    for name, (_, text) in said.items():
        by_text.setdefault(text, []).append(name)
    words = "; ".join(f"in {' and '.join(names)}{' alike' if len(names) > 1 else ''}, {text}" for text, names in by_text.items())
    return Finding("penalty-term", f"{head}: a penalty (regularisation) term on {', '.join(moved)} differs: {words}.",
                   evidence, "Write the penalty, and its gradient, the same way in both programs: λ·Σw² (gradient 2λw) "
                   "or λ·Σ|w| (gradient λ·sign(w)) over every entry.", 0.85 if all(t for t, _ in said.values()) else 0.7)


def _sum_side(terms: dict, total: float) -> str | None:
    """The side whose loss has the term of the entries' sum, its coefficient read as positive (a penalty adds)."""
    return None if "sum" not in terms else "numpy" if terms["sum"] * total > 0 else "torch"


def _term_of(losses: _Losses, rows: Any, name: str) -> tuple[dict, str]:
    """The difference's gradient in `name`, by central differences on a few entries, fitted by the fewest of W,
    sign(W) and a constant."""
    weight = losses.start[name]
    flat = weight.reshape(-1)
    picks = np.random.default_rng(1).choice(flat.size, size=min(FD_ELEMENTS, flat.size), replace=False)
    # fewer entries than the fit has terms (an intercept): each read at its own value and at others too
    starts = [flat] if flat.size > 3 else [flat * s for s in (1.0, 0.5, -1.0, 2.0, -0.25)]  # more points than terms
    h = 1e-5 * max(float(np.abs(flat).max(initial=0.0)), 1.0)
    gradient, at, entries = [], [], []
    for start in starts:
        for index in picks:
            entries.append(int(index))
            ends = []
            for shift in (h, -h):
                moved = start.copy()
                moved[index] += shift
                ends.append(losses.difference({**losses.start, name: moved.reshape(weight.shape)}, rows))
            gradient.append((ends[0] - ends[1]) / (2 * h))
            at.append(start[index])
    gradient, values = np.array(gradient), np.array(at)
    columns = {"w": values, "sign": np.sign(values), "sum": np.ones(len(values))}
    for size in range(1, 4):
        for chosen in combinations(columns, size):
            basis = np.stack([columns[c] for c in chosen], axis=1)
            if len(values) <= size or np.linalg.matrix_rank(basis) < size:
                continue
            fitted, *_ = np.linalg.lstsq(basis, gradient, rcond=None)
            if np.linalg.norm(basis @ fitted - gradient) <= 1e-4 * np.linalg.norm(gradient):
                terms = dict(zip(chosen, map(float, fitted)))
                return terms, _said(terms, float(flat.sum()))
    if said := _some_entries(gradient, values, np.array(entries), flat.size):
        return {"w on some entries": said[1]}, said[0]
    return {}, "its gradient is no sum of a multiple of the entries, of their signs and of one number for all"


def _some_entries(gradient: np.ndarray, values: np.ndarray, entries: np.ndarray, size: int) -> tuple[str, float] | None:
    """The difference's gradient c·w on some entries and 0 (or -c·w) on the others: an L2 penalty over other entries
    on the two sides (an intercept's index taken for another's). Every entry of a small parameter is read."""
    if size > 64 or len(np.unique(entries)) < size:
        return None
    if np.any(values == 0):
        return None
    every = gradient / values
    scale = max(float(np.abs(every).max()), 1e-30)
    ratio = {}
    for entry in np.unique(entries):
        r = every[entries == entry]
        if np.ptp(r) > 1e-4 * scale:  # no multiple of the entry
            return None
        ratio[int(entry)] = float(np.mean(r))
    c = max(abs(r) for r in ratio.values())
    if not c or any(min(abs(r), abs(abs(r) - c)) > 1e-4 * c for r in ratio.values()):
        return None
    numpy_only = [e for e, r in ratio.items() if r > c / 2]
    port_only = [e for e, r in ratio.items() if r < -c / 2]
    if not numpy_only and not port_only:
        return None
    return (f"an L2 term ({c / 2:.4g}·w², gradient {c:.4g}·w) taken over other entries on the two sides: "
            + "; ".join(f"entr{'y' if len(e) == 1 else 'ies'} {', '.join(map(str, e))} (of {size}) penalised by the {who} only"
                        for e, who in ((numpy_only, "NumPy program"), (port_only, "port")) if e)
            + (" (the unpenalised entry, an intercept, marked at another index)" if numpy_only and port_only else
               " (an intercept or bias penalised on one side only)")), c


def _said(terms: dict, total: float) -> str:
    parts = []
    if "w" in terms:
        side, other = ("NumPy program's", "port's") if terms["w"] > 0 else ("port's", "NumPy program's")
        parts.append(f"the {side} loss has {abs(terms['w']) / 2:.4g}·Σw² more than the {other} (an L2 term, gradient "
                     f"{abs(terms['w']):.4g}·w, on each entry)")
    if "sign" in terms:
        side, other = ("NumPy program's", "port's") if terms["sign"] > 0 else ("port's", "NumPy program's")
        parts.append(f"the {side} loss has {abs(terms['sign']):.4g}·Σ|w| more than the {other} (an L1 term, gradient "
                     f"{abs(terms['sign']):.4g}·sign(w), on each entry)")
    if "sum" in terms:
        side = "NumPy program's" if _sum_side(terms, total) == "numpy" else "port's"
        parts.append(f"the {side} loss has a term of the entries' sum (its gradient the same {abs(terms['sum']):.4g} for "
                     f"every entry, as (Σw)²'s or |Σw|'s is) where a penalty is taken entry by entry: the square of the sum "
                     f"for the sum of squares, or the absolute value of the sum for the sum of absolute values")
    return "; ".join(parts)


LOSS_KEYWORDS = {"smooth_l1_loss": ("beta", "smooth L1 with beta is the Huber loss divided by beta (huber_loss(delta=beta) / "
                                            "beta): its gradients are 1/beta of the Huber loss's")}


def loss_keyword(setup: Any, built: Any, step: int, ratio: float) -> str:
    """Where the losses are a constant ratio apart: the port's loss function called with a keyword of that value."""
    _, torch_trace = traces(setup, built, step)
    for value in torch_trace.values:
        if value.op == "grad" or value.array.size != 1 or not value.detail:
            continue
        for key, number in re.findall(r"(\w+)=(-?[0-9.]+(?:e-?\d+)?)", value.detail):
            number = float(number)
            if number and any(abs(r - number) <= 1e-6 * abs(number) for r in (ratio, 1 / ratio)):
                known = LOSS_KEYWORDS.get(value.op)
                meaning = f": {known[1]}" if known and known[0] == key else ""
                return (f" The port computes its loss with {value.op}({key}={number:g}), the ratio measured{meaning}.")
    return ""
