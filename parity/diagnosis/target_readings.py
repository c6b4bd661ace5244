"""The targets a loss pulls the outputs toward, read from its gradient at the logits where the run's is D·(p - y):
t = p - grad/D. The model's own predictions, one target for every row (y ignored), smoothed labels (1 - ε)·y + ε/K,
y recoded (2y - 1), the mean of y (an (n, 1) output broadcast against a target of shape (n,)), or other 0/1 labels
(each row's first positive only, flipped, rows in another order). For two programs as written, the targets the NumPy
program makes from y where the output meets them (a slice, an affine function), beside a port's label smoothing.
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis.bound_rows import ancestors
from parity.diagnosis.class_targets import class_targets, label_smoothing
from parity.diagnosis.evidence import affine_fit, fit_ratio, relative_gap
from parity.diagnosis.value_trace import Trace, Value, uses
from parity.diagnosis.written_readings import roots


SYMPTOM_ONLY = "other 0/1 labels than y"  # a reading that says where, not how: below the confidence of a named mechanism
BROADCAST = ("each output is compared with every target, as an (n, 1) output against a target of shape (n,) broadcasts "
             "to (n, n) differences")


def smoothed_targets(run: np.ndarray, grad: np.ndarray, logits: np.ndarray, y: np.ndarray, output_activation: str,
                      tolerance: float, inputs: np.ndarray | None = None) -> tuple[str, str] | None:
    """Where the run's gradient is D·(p - y), D not depending on y (a matched loss: D a constant; the squared error of
    a sigmoid: D = 2p(1 - p)), the port's targets t = p - grad/D, element by element. inputs: the batch's X, whose
    columns a target column may have been taken from."""
    p = numpy_net.ACTIVATIONS[output_activation].function(logits)
    apart = np.abs(p - y) > 1e-6
    if not np.all(apart):
        return None
    D = run / (p - y)
    if not np.all(D > 0):
        return None
    t = p - grad / D
    predicted = np.eye(y.shape[1])[p.argmax(axis=1)] if y.shape[1] > 1 else (p > 0.5).astype(float)
    # predictions that vary from row to row: one target for every row is read below, as targets ignored
    if len(np.unique(predicted, axis=0)) > 1 and relative_gap(t, predicted) <= tolerance and not np.array_equal(predicted, y):
        return ("its loss pulls the outputs toward the model's own predicted classes (the argmax of its output), not y: "
                "the true labels replaced by the predictions (np.argmax(probs) where np.argmax(y) belongs).",
                "Take the labels from y.")
    if np.any(y) and np.max(np.abs(t)) <= tolerance * max(float(np.abs(p).max()), 1.0):
        return ("its loss pulls every output toward 0, whatever y: the targets' term passes no gradient (the labelled "
                "logit -z[y] of logsumexp(z) - z[y] detached, y·log p computed from a detached p, or the targets zeroed), "
                "so only the normalising term trains.", "Let the targets' term of the loss pass its gradient (no .detach()).")
    column = _label_column(t, y, tolerance) or _integer_targets(t, y, tolerance)
    if column:
        return column
    other = _other_labels(t, y, tolerance) or _shifted_rows(p, D, y, grad, tolerance) or _columns_taken(t, y, inputs, tolerance)
    if other:
        return other
    fit = affine_fit(t.ravel(), y.ravel())
    if fit is None or fit[2] > tolerance or abs(fit[0] - 1) <= tolerance:
        return None
    a, b = fit[0], fit[1]
    if abs(a) <= tolerance and y.shape[1] == 1 and abs(b - float(y.mean())) <= max(tolerance, 1e-6):
        return (f"its loss pulls every output toward {b:.4g}, the mean of y, whatever the row's own y: {BROADCAST}.",
                "Give the loss a target of the output's shape: y.view(-1, 1), or y[:, None].")
    if abs(a) <= tolerance:
        return (f"its loss pulls every output toward {b:.4g} whatever y: it ignores the targets, so rows with y = 0 are "
                "pulled like rows with y = 1" + (" (a (1 - y) term that takes log(p) where it must take log(1 - p))"
                                                 if abs(b - 1) <= max(tolerance, 1e-6) else "") + ".",
                "Write the loss's terms as the run's loss has them, each with its own target.")
    K = y.shape[1] if y.shape[1] > 1 else 2
    epsilon = 1 - a
    if 0 < epsilon < 1 and abs(b - epsilon / K) <= max(tolerance, 1e-6):
        return (f"its loss pulls the outputs toward (1 - ε)·y + ε/{K} with ε = {epsilon:.4g}, not y: label smoothing.",
                "Smooth the targets on both sides alike (the NumPy side's y), or on neither (label_smoothing=0).")
    values = np.unique(np.round(y, 6))
    mapped = ", ".join(f"y = {v:g} → {a * v + b:.4g}" for v in values[:4]) if len(values) <= 4 else ""
    recoded = (" (the targets recoded from {0, 1} to {-1, +1}, 2y - 1)" if abs(a - 2) <= 1e-3 and abs(b + 1) <= 1e-3 else
               " (a delta p - 2y: the target subtracted twice, once in p - y and once more; or the targets doubled)"
               if abs(a - 2) <= 1e-3 and abs(b) <= 1e-3 else "")
    return (f"its loss pulls the outputs toward {a:.4g}·y {'+' if b >= 0 else '-'} {abs(b):.4g}, not y: the targets are changed "
            f"before the loss{recoded}" + (f" ({mapped})" if mapped else "") + ".",
            "Give the loss y itself, or change y the same way on the NumPy side.")


def _shifted_rows(p: np.ndarray, D: np.ndarray, y: np.ndarray, grad: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """Each row pulled toward another row's target, k rows on (out[:-k] against y[k:]), the rows left unpaired given no
    gradient; up to one factor (a mean over the pairs)."""
    for k in (1, -1, 2, -2):
        paired = np.zeros(len(y), bool)
        paired[slice(0, len(y) - k) if k > 0 else slice(-k, len(y))] = True
        candidate = D[paired] * (p[paired] - np.roll(y, -k, axis=0)[paired])
        fit = fit_ratio(grad[paired], candidate)
        if np.any(~paired) and not np.any(grad[~paired]) and fit and fit[0] > 0 and fit[1] <= max(tolerance, 1e-6):
            pairs = f"out[:-{k}] against y[{k}:]" if k > 0 else f"out[{-k}:] against y[:{k}]"
            return (f"its loss pulls each row toward the target {abs(k)} row{'s' if abs(k) > 1 else ''} "
                    f"{'on' if k > 0 else 'back'} ({pairs}: targets misaligned by {abs(k)}, a forecasting offset), and the "
                    "unpaired rows get no gradient.", "Pair each output with its own row's target.")
    return None


def _columns_taken(t: np.ndarray, y: np.ndarray, inputs: np.ndarray | None, tolerance: float) -> tuple[str, str] | None:
    """Each target column read as one of y's or X's columns, where some are not y's own: targets sliced or stacked
    from the wrong columns (a horizon shifted, an input column taken for a target)."""
    if y.ndim != 2 or y.shape[1] < 2:
        return None
    sources = {f"y[:, {k}]": y[:, k] for k in range(y.shape[1])}
    if inputs is not None and inputs.ndim == 2 and len(inputs) == len(y):
        sources.update({f"X[:, {k - inputs.shape[1]}]": inputs[:, k] for k in range(inputs.shape[1])})
    taken = []
    for j in range(t.shape[1]):
        own = f"y[:, {j}]"
        matches = [name for name, column in sources.items() if np.ptp(column) > 0 and relative_gap(t[:, j], column) <= tolerance]
        if not matches:
            return None
        taken.append(own if own in matches else matches[0])
    moved = [(j, name) for j, name in enumerate(taken) if name != f"y[:, {j}]"]
    if not moved:
        return None
    back = all(name == f"y[:, {j - 1}]" for j, name in moved if name.startswith("y"))
    lag = (" y's columns shifted one on, each column trained toward the one before it (a horizon or time step "
           "misaligned by one)" if back and any(name.startswith("y") for _, name in moved) else "")
    return (f"its loss pulls output column {', '.join(f'{j} toward {name}' for j, name in moved)}, where each column's "
            f"own target y[:, j] belongs: targets sliced or stacked from other columns{';' if lag else ''}{lag}.",
            "Compare each output column with its own target column, y[:, j].")


def _integer_targets(t: np.ndarray, y: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """The targets made whole numbers before the loss: cast to an integer type (truncated toward zero), rounded, floored."""
    casts = {"truncated toward zero (cast to an integer type: .long(), astype(int), a label conversion)": np.trunc,
             "rounded to whole numbers": np.round, "floored to whole numbers": np.floor}
    for words, cast in casts.items():
        whole = cast(y)
        if not np.array_equal(whole, y) and relative_gap(t, whole) <= tolerance:
            return (f"its loss pulls the outputs toward y {words}, not y itself (2.7 → {cast(np.array(2.7)):g}, -1.3 → "
                    f"{cast(np.array(-1.3)):g}).", "Keep the targets as they are (a float tensor); cast only class labels.")
    return None


def _label_column(t: np.ndarray, y: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """Each row pulled toward its class index in every class: the labels as a column (n, 1) of class numbers,
    broadcast against the (n, K) outputs where the one-hot rows belong."""
    if y.shape[1] < 2 or np.ptp(t, axis=1).max() > tolerance * max(float(np.abs(t).max()), 1.0):
        return None
    if relative_gap(t[:, 0], y.argmax(axis=1).astype(np.float64)) > tolerance:
        return None
    return ("its loss pulls every class of each row toward that row's class number (0, 1, 2, ...): the labels as a column "
            "of class indices, shape (n, 1), subtracted from the (n, K) probabilities, which broadcasts the number over "
            "every class (p - labels.reshape(-1, 1)) where the one-hot rows belong (p - np.eye(K)[labels]).",
            "Subtract the one-hot targets: p - np.eye(K)[labels].")


def _one_class(label: np.ndarray, y: np.ndarray) -> tuple[str, str] | None:
    """Every row pulled toward the same one-hot class k, whatever its own: labels made of one value. Class 1 from a
    one-hot y is the max's values (all 1) taken for its indices."""
    if y.shape[1] < 2 or label.sum() != 1 or len(np.unique(y, axis=0)) < 2:
        return None
    k = int(label.argmax())
    values = (" (for one-hot y that is the values of y's max, all 1, taken where its indices belong: torch.max(y, 1) "
              "returns (values, indices))") if k == 1 and np.all(y.max(axis=1) == 1) else ""
    return (f"its loss pulls every row toward class {k}, whatever the row's own label: the labels are the one value {k} "
            f"for all rows{values}.", "Take the labels as y.argmax(1) (the indices).")


def _other_labels(t: np.ndarray, y: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """The targets the loss pulls toward are 0/1 labels, but not y's: which labels, read against y's own."""
    labels = np.round(t)
    if np.max(np.abs(t - labels)) > max(tolerance, 1e-6) or not np.all((labels == 0) | (labels == 1)) or np.array_equal(labels, y):
        return None
    if len(np.unique(labels, axis=0)) == 1:
        return _one_class(labels[0], y)  # or one target for every row: the targets ignored, read below
    rows = int(np.sum(np.any(labels != y, axis=1)))
    known = {"each row's first positive label only, one-hot (F.one_hot(y.argmax(1)): the other positives dropped, a row "
             "with none made class 0)": np.eye(y.shape[1])[y.argmax(axis=1)] if y.shape[1] > 1 else None,
             "the labels flipped, 1 - y": 1 - y, "y's columns in reverse order": y[:, ::-1],
             "each row's position in the batch as its class (0, 1, 2, ...): the row indices of y's nonzero entries, "
             "np.nonzero(y)[0], where the column indices, np.nonzero(y)[1], belong":
                 np.eye(y.shape[1])[np.arange(len(y))] if 1 < len(y) <= y.shape[1] else None}
    if y.shape[1] > 2:
        down, up = np.zeros_like(y), np.zeros_like(y)
        down[:, :-1], up[:, 1:] = y[:, 1:], y[:, :-1]
        known["y's classes shifted down by one (class k given column k - 1, class 0 no label): labels compared with 1..K "
              "where they run 0..K-1 (1-based against 0-based)"] = down
        known["y's classes shifted up by one (class k given column k + 1, the last class no label): 0-based labels "
              "compared with 1-based columns"] = up
    for words, candidate in known.items():
        if candidate is not None and np.array_equal(labels, candidate):
            return (f"its loss pulls the outputs toward {words}, not y ({rows} of {len(y)} rows differ).",
                    "Give the loss y as it is, or change y the same way on the NumPy side.")
    if len(y) <= 4096 and sorted(map(tuple, labels)) == sorted(map(tuple, y)):
        return (f"its loss pulls the outputs toward y's rows in another order ({rows} of {len(y)} rows moved): the targets "
                "shuffled or indexed apart from X's rows.", "Index X and y with the same rows.")
    return (f"its loss pulls the outputs toward {SYMPTOM_ONLY}: {rows} of {len(y)} rows differ.",
            "Give the loss the targets the NumPy side uses.")


def derived_targets(trace: Trace, region: list[int], agreed: dict[int, Value],
                    port_values: list[Value] = ()) -> tuple[str, str] | None:
    """A value in the region made from y alone, read as a slice or an affine function of y."""
    y = next((v for v in trace.values if v.op == "y"), None)
    if y is None or any(uses(trace.values[i], y) and roots(trace, i) != {"y"} for i in region):
        return None  # y also meets the output directly (y·log p + (1 - y)·log(1 - p)): not targets made once
    for index in region:
        value = trace.values[index]
        if y is None or roots(trace, index) != {"y"}:
            continue
        if value.array.shape != y.array.shape and value.op == "getitem" and value.array.size != y.array.size and \
                value.inputs[:1] == (y.index,) and _broadcast_against_output(trace, value):  # y's own slice, not a
            # slice of one made from it (a sequence's labels y[:, 1:] read a step at a time)
            return ("target-broadcast", f"The NumPy program's targets are y[{value.detail}], of shape {value.array.shape} "
                    f"where y is {y.array.shape}: broadcast against the output, every output unit is given that column.")
        if value.array.shape != y.array.shape and any(roots(trace, u) != {"y"} for u in value.users) and \
                _meets_output(trace, value) and (said := class_targets(value, y, list(port_values))):  # the targets as the loss takes them
            return ("loss-function", said)
        if value.array.shape == y.array.shape and y.array.size > 1 and np.ptp(y.array) > 0 and _meets_output(trace, value) \
                and not _another_coefficient(trace, region, value) and not _coding(y.array, value.array):
            a, b = np.polyfit(y.array.ravel(), value.array.ravel(), 1)
            if np.allclose(a * y.array + b, value.array, rtol=1e-5, atol=1e-7) and not (abs(a - 1) < 1e-9 and abs(b) < 1e-12) \
                    and a > 0:  # -y (or 1 - y) is a loss's sign or its other class (-y·log p - (1 - y)·log(1 - p)), no target
                rows = f"; each row sums to {float(value.array.sum(axis=-1).mean()):.6g}" if value.array.ndim == 2 and value.array.shape[1] > 1 else ""
                return ("loss-function", f"The NumPy program's targets are {_affine(a, b)} ({value.op} of y){rows}.")
    return None


def _coding(y: np.ndarray, made: np.ndarray) -> bool:
    """Labels in [0, 1] made into values beyond it (2y, 2y - 1): a coding for a margin-form loss, which
    label_coding.py measures, not targets smoothed or scaled."""
    return bool(np.all((y >= 0) & (y <= 1)) and (np.any(made < -1e-9) or np.any(made > 1 + 1e-9)))


def _another_coefficient(trace: Trace, region: list[int], value: Value) -> bool:
    """Another value made from y alone, not from this one nor it from that, that meets the output too: y weighs the
    loss's terms in two ways (3·y·log p + (1 - y)·log(1 - p), a positive class weighted), no targets made once."""
    related = set(ancestors(trace, value.index))
    return any(i not in related and value.index not in ancestors(trace, i) and roots(trace, i) == {"y"}
               and trace.values[i].op != "y" and _meets_output(trace, trace.values[i]) for i in region)



ARITHMETIC = {"subtract", "add", "multiply", "divide", "true_divide", "power", "maximum", "minimum", "logaddexp"}


def _broadcast_against_output(trace: Trace, value: Value) -> bool:
    """Whether a value made from y alone meets a value made from X in elementwise arithmetic that broadcasts it to
    another shape (an (n,) target against an (n, 1) output: (n, n); a column against every unit), not as a mask or an
    index."""
    return _meets_x(trace, value, lambda made, source: made.op.removesuffix(" (in place)") in ARITHMETIC
                    and made.array.shape != source.array.shape)


def _meets_output(trace: Trace, value: Value) -> bool:
    """Whether a value made from y alone meets a value made from X at its own shape (a target the output is compared
    with), not only after a reduction (class counts, weights per column), nor as a weight: a product with a term
    that holds y already (w·(y·log p + …), a positive class weighted) weighs a loss, it is no target."""
    def compared(made: Value, source: Value) -> bool:
        others = [i for i in made.inputs if isinstance(i, int) and i != source.index]
        return not (made.op.removesuffix(" (in place)") in ("multiply", "divide", "true_divide")
                    and any("y" in roots(trace, i) | {trace.values[i].op} for i in others))
    return _meets_x(trace, value, compared, keep_shape=True)


def _meets_x(trace: Trace, value: Value, meets, keep_shape: bool = False) -> bool:
    """Walk the values made from `value` by y alone; True at the first one made with X for which `meets(made, the value
    it was made from)` holds (with `keep_shape`, only through values of the value's own shape)."""
    stack, seen = [value.index], set()
    while stack:
        index = stack.pop()
        if index in seen:
            continue
        seen.add(index)
        for user in trace.values[index].users:
            made = trace.values[user]
            if keep_shape and made.array.shape != value.array.shape:
                continue
            if "X" in roots(trace, user):
                if meets(made, trace.values[index]):
                    return True
                continue
            stack.append(user)
    return False


def _affine(a: float, b: float) -> str:
    a, b = (round(v, 12) for v in (a, b))
    return f"{a:.6g}·y" + (f" + {b:.6g}" if b > 0 else f" - {-b:.6g}" if b < 0 else "")


def smoothing(torch_ops: list[Value], classes: int) -> str:
    """What a port's loss with label_smoothing=ε makes of one-hot targets: (1 - ε)·y + ε/K."""
    for value in torch_ops:
        if (eps := label_smoothing(value)) > 0:
            made = value.inputs[0] if value.inputs and isinstance(value.inputs[0], int) else None
            classes = torch_ops[made].array.shape[-1] if made is not None and torch_ops[made].array.ndim else classes
            return (f" The port's {value.op} smooths the labels by {eps:g}: its targets are (1 - {eps:g})·y + {eps:g}/{classes} "
                    f"= {_affine(1 - eps, eps / classes)} ({1 - eps + eps / classes:.6g} at the label, {eps / classes:.6g} "
                    "at each other class).")
    return ""
