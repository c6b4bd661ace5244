"""Ops the programs apply in another way where they part. Ops of one name and another meaning (np.repeat against
Tensor.repeat, np.convolve against conv1d). Two comparisons of one direction and
another strictness: > against >=, < against <=, which give the same 0/1 wherever the two values differ and part where
they are equal (on integer data, an off-by-one at every boundary). An addition of one vector per column (a bias) that
one side makes before a matrix product and the other after it: the bias carried through the product."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.missing_terms import gradient_name
from parity.diagnosis.op_words import op_text
from parity.diagnosis.value_match import zero_one
from parity.diagnosis.value_trace import Trace, Value, describe

COMPARISONS = {"greater": (">", True), "gt": (">", True), "greater_equal": (">=", True), "ge": (">=", True),
               "less": ("<", False), "lt": ("<", False), "less_equal": ("<=", False), "le": ("<=", False)}


def strictness(numpy_values: list[Value], torch_ops: list[Value]) -> str:
    """A strict comparison on one side where the other's is not: of the same direction; or of the other (its operands
    written the other way round, length > t against t <= length) where the two masks part at a few entries only."""
    mine = [v for v in numpy_values if v.op in COMPARISONS]
    theirs = [v for v in torch_ops if v.op in COMPARISONS]
    for x in mine:
        for y in theirs:
            a, b = x.op, y.op
            (sign_a, up_a), (sign_b, up_b) = COMPARISONS[a], COMPARISONS[b]
            strict_a, strict_b = sign_a in ("<", ">"), sign_b in ("<", ">")
            few = x.array.shape == y.array.shape and 0 < np.count_nonzero(x.array != y.array) <= 0.5 * x.array.size
            if (up_a == up_b and sign_a != sign_b) or (strict_a != strict_b and few):
                return (f"The NumPy program compares with {sign_a} ({a}) where the port compares with {sign_b} ({b}): a "
                        "strict against a non-strict comparison, which part where the two values are equal (y == k: an "
                        "off-by-one at each boundary, 'above k' against 'at least k').")
    return ""


def bias_order(numpy_chain: list[Value], torch_chain: list[Value], trace: Trace, other: Trace) -> str:
    """Where the two ops in another order are a product and an addition, what is added: one number per column on
    every row (a bias) is said, and which side carries it through the product."""
    for chain, who, source in ((torch_chain, "the port", other), (numpy_chain, "the NumPy program", trace)):
        first = chain[0] if chain else None
        if first is None or first.op.removesuffix(" (in place)") != "add" or first.array.ndim != 2 or len(chain) < 2:
            continue
        inputs = [i for i in first.inputs if isinstance(i, int)]
        if len(inputs) != 1 or chain[1].op not in ("matmul", "mm", "dot", "spmm", "bmm"):
            continue
        added = first.array - source.values[inputs[0]].array
        if np.ptp(added, axis=0).max() <= 1e-5 * max(float(np.abs(added).max()), 1e-12) and np.any(added):
            return (f" What {who} adds first is one number per column on every row, a bias: {who} adds the bias before "
                    f"the product, so the bias is propagated through it (each row receives the bias times that row's sum "
                    f"of the matrix, not the bias), where the other adds it after.")
    return ""


SAME_NAME_OTHER_MEANING = {
    ("repeat", "repeat"): "np.repeat repeats each element in place (h0 h0 h1 h1 …, torch's repeat_interleave); torch's "
                          "Tensor.repeat tiles the whole (h0 h1 … h0 h1 …, np.tile)",
    ("convolve", "conv1d"): "np.convolve is a true convolution (it flips the kernel); torch's conv1d is a cross-correlation, "
                            "as np.correlate is: the kernel is applied reversed in time",
}


def semantics(numpy_values: list[Value], torch_ops: list[Value]) -> str:
    """Two ops of the same name and another meaning, one on each side where the programs part."""
    mine = {v.op for v in numpy_values}
    theirs = {v.op for v in torch_ops}
    for (numpy_op, torch_op), said in SAME_NAME_OTHER_MEANING.items():
        if numpy_op in mine and torch_op in theirs:
            return f"The NumPy program calls np.{numpy_op} where the port calls {torch_op}: {said}."
    return strictness(numpy_values, torch_ops)


def masks_apart(numpy_values: list[Value], torch_values: list[Value]) -> str:
    """Two masked values (scores with -inf or a large negative at the masked entries) equal where both are unmasked,
    masking other entries: each side's mask over the last two axes said as the triangle it is (a causal mask of the
    wrong triangle, the diagonal masked too), or as the entries masked on one side only."""
    for mine in numpy_values:
        for theirs in (t for t in torch_values if t.array.shape == mine.array.shape and mine.array.ndim >= 2):
            a, b = np.asarray(mine.array, np.float64), np.asarray(theirs.array, np.float64)
            masked_a, masked_b = _masked(a), _masked(b)
            if masked_a.any() != masked_b.any() and (filled := _filled_otherwise(a, b, masked_a | masked_b, masked_a.any())):
                return filled
            if not masked_a.any() or not masked_b.any() or np.array_equal(masked_a, masked_b):
                continue
            if np.array_equal(masked_a, ~masked_b):
                return (f"The NumPy program's {mine.op} and the port's {theirs.op} mask complementary entries: the port "
                        f"masks exactly the {int(masked_b.sum())} entries the NumPy program keeps and keeps the "
                        f"{int(masked_a.sum())} it masks: the mask inverted on one side (masked_fill given the mask of "
                        "the entries to keep, where ~mask belongs; a True = keep convention read as True = masked).")
            both = ~masked_a & ~masked_b
            if not both.any() or not np.allclose(a[both], b[both], rtol=1e-5, atol=1e-7):
                continue
            swapped = masked_a.shape[-1] == masked_a.shape[-2] and np.array_equal(np.swapaxes(masked_a, -1, -2), masked_b)
            return (f"The NumPy program's {mine.op} and the port's {theirs.op} hold the same values where neither masks, "
                    f"and mask other entries: the NumPy program masks {_pattern(masked_a)}, the port {_pattern(masked_b)}"
                    + (": one mask is the other with its last two axes swapped, broadcast along the other axis (an "
                       "unsqueeze at the other dim, the same size by chance)." if swapped else "."))
    return ""


def _filled_otherwise(a: np.ndarray, b: np.ndarray, masked: np.ndarray, numpy_masks: bool) -> str:
    """One side masks entries (-inf, -1e9) that the other fills with one ordinary number, the two equal elsewhere."""
    kept = b if numpy_masks else a
    fill = kept[masked]
    if masked.all() or np.ptp(fill) > 0 or not np.allclose(a[~masked], b[~masked], rtol=1e-5, atol=1e-7):
        return ""
    masking, filling = ("the NumPy program", "the port") if numpy_masks else ("the port", "the NumPy program")
    return (f"The two hold the same values except at {int(masked.sum())} entries that {masking} masks (-inf or a large "
            f"negative number) and {filling} sets to {float(fill[0]):g}: a fill of {float(fill[0]):g} is no mask "
            f"(exp({float(fill[0]):g}) = {np.exp(float(fill[0])):.3g} stays in a softmax's denominator).")


def _masked(values: np.ndarray) -> np.ndarray:
    finite = values[np.isfinite(values)]
    scale = max(float(np.abs(finite[np.abs(finite) < 1e6]).max(initial=0.0)), 1.0) if finite.size else 1.0
    return (values == -np.inf) | (values <= -1e6 * scale)


def _pattern(masked: np.ndarray) -> str:
    """A mask over the last two axes, the same for every leading index, as the triangle it is: entries (i, j) with
    j > i + k (tril's complement, a causal mask) or j < i + k; else how many entries."""
    plane = masked.reshape(-1, *masked.shape[-2:])
    if not all(np.array_equal(plane[0], p) for p in plane[1:]):
        whole = ("whole columns of each plane (keys at padded positions)" if np.all(plane.all(axis=1) | ~plane.any(axis=1))
                 else "whole rows of each plane (queries, not keys)" if np.all(plane.all(axis=2) | ~plane.any(axis=2)) else "")
        return f"{int(masked.sum())} entries varying along the batch (a padding mask{': ' + whole if whole else ''})"
    rows, columns = np.indices(plane[0].shape)
    for k in range(-plane[0].shape[0] + 1, plane[0].shape[1]):
        for words, shape in ((f"j > i{_offset(k)} (the future: a causal mask{', the diagonal masked too' if k < 0 else ''})",
                              columns > rows + k), (f"j < i{_offset(k)} (the past: the other triangle)", columns < rows + k)):
            if np.array_equal(plane[0], shape):
                return f"the entries (query i, key j) with {words}"
    return f"{int(plane[0].sum())} of {plane[0].size} entries of each plane"


def _offset(k: int) -> str:
    return "" if k == 0 else f" {'+' if k > 0 else '-'} {abs(k)}"


DROPOUTS = {"dropout", "dropout1d", "dropout2d", "dropout3d", "alpha_dropout", "feature_alpha_dropout"}
DRAWS = {"randn", "randn_like", "rand", "rand_like", "randint", "randint_like", "normal", "normal_", "uniform_",
         "bernoulli", "bernoulli_", "multinomial", "randperm", "poisson", "exponential_"}


def random_draw(numpy_ops: list[Value], torch_ops: list[Value], trace: Trace, other: Trace, twins: set[int]) -> str:
    """The port's op where the programs part takes a random draw of its own (torch.randn_like) that no NumPy value
    equals: the two programs use other random numbers there, and what the NumPy program takes in its place is said."""
    for op in torch_ops:
        rate = next((i for i in op.inputs if isinstance(i, float)), None)
        if op.op.removesuffix("_") in DROPOUTS and "training=False" not in op.detail and rate != 0.0:  # a draw inside the call
            _, instead = _taken_instead(numpy_ops, ("multiply",), trace)
            given = f" where the NumPy program multiplies by {describe(instead[-1])}" if len(instead) > 1 else ""
            return (f"The port's {op.op} draws its own random mask at every call (training=True){given}: the two programs "
                    "drop other units (a mask given as data on one side, drawn by torch on the other; torch's draw cannot "
                    "follow NumPy's generator).")
        near = [i for i in op.inputs if isinstance(i, int) and i not in twins]  # its operands, and theirs (σ · randn)
        near += [j for i in near for j in other.values[i].inputs if isinstance(j, int) and j not in twins]
        drawn = next((other.values[i] for i in near if other.values[i].op in DRAWS), None)
        if drawn is None:
            continue
        mine, instead = _taken_instead(numpy_ops, (op.op, "multiply", "add"), trace)
        taken = f" where the NumPy program takes {instead[-1].op} {instead[-1].array.shape} in its {mine.op}" if instead else ""
        return (f"The port's {op.op} takes a random draw of its own, {drawn.op} {drawn.array.shape}{taken}: no NumPy value "
                f"equals the draw, so the two programs use other random numbers there (fresh noise drawn each step where "
                "the other program reads it from the data, or another generator).")
    return ""


def _taken_instead(numpy_ops: list[Value], ops: tuple[str, ...], trace: Trace) -> tuple[Value | None, list[Value]]:
    """The NumPy program's first op of those kinds where the port draws, and the values it takes."""
    mine = next((v for v in numpy_ops if v.op.removesuffix(" (in place)") in ops), None)
    return mine, [trace.values[i] for i in mine.inputs if isinstance(i, int)] if mine else []


def mask_as_indices(departing: list[Value], trace: Trace) -> str:
    """An array of 0s and 1s used to index rows as integers (astype(int) where astype(bool) was meant): the result has
    a row for every entry of the mask, each a copy of row 0 or row 1, where a boolean mask keeps the rows marked 1."""
    for value in departing:
        if value.op != "getitem" or len(value.inputs) < 2 or value.detail != "idx":  # one index array, h[mask]
            continue
        indexed, index = (trace.values[i] if isinstance(i, int) else None for i in value.inputs[:2])
        if indexed is None or index is None or index.array.ndim != 1 or indexed.array.ndim == 0:
            continue
        entries = set(np.unique(index.array).tolist())
        if entries == {0.0, 1.0} and len(index.array) == indexed.array.shape[0] == value.array.shape[0] and \
                value.array.ndim == indexed.array.ndim:
            return (f"The NumPy program indexes {describe(indexed)} with {describe(index)}, an array of 0s and 1s, as "
                    f"integers: its result has a row for every one of the {len(index.array)} entries, each a copy of row 0 or "
                    f"row 1, where a boolean mask keeps the {int(index.array.sum())} rows marked 1 (astype(int) where "
                    "astype(bool) was meant).")
    return ""


MASKING = {"logical_and", "bitwise_and", "multiply", "where"}  # ops that apply a 0/1 mask to a value


def mask_dropped(departing: list[Value], trace: Trace, agreed: dict[int, Value], other: Trace | None = None) -> str:
    """A NumPy value that masks a value both programs have with a 0/1 mask only the NumPy program makes (pairs of
    documents kept within one query, padding left out): the port goes on with the unmasked value. Said where the
    masked value departs and the value it masks agrees with one of the port's."""
    for value in departing[:24]:
        if value.op.removesuffix(" (in place)") not in MASKING:
            continue
        operands = [i for i in value.inputs if isinstance(i, int)]
        if value.op == "where" and not (any(isinstance(i, float) and i == 0.0 for i in value.inputs)
                                        or any(not np.any(trace.values[i].array) for i in operands)):
            continue  # where(c, a, b) with b a value: a choice between two branches (an ELU), no mask
        masks = [i for i in operands if i not in agreed and zero_one(trace.values[i].array) and not _from_y(trace, i)]
        kept = [i for i in operands if i in agreed and i not in masks and trace.values[i].array.shape == value.array.shape]
        if len(masks) == 1 and kept and 0 < trace.values[masks[0]].array.mean() < 1:
            mask, unmasked = trace.values[masks[0]], trace.values[kept[0]]
            share = float(np.mean(np.broadcast_to(mask.array, value.array.shape) == 0))
            if other is not None and (derivative := _as_derivative(mask, agreed[unmasked.index], value, other)):
                return (f"The NumPy program multiplies {describe(unmasked)}, which is "
                        f"{gradient_name(agreed[unmasked.index], other)}, by {describe(mask)} ({op_text(mask, trace)}, 0 "
                        f"at {share:.0%} of the entries): a derivative.{derivative}")
            if other is not None and (pasted := _written_instead(mask, agreed[unmasked.index], other)):
                return f"The NumPy program masks {describe(unmasked)} with {describe(mask)} ({op_text(mask, trace)}). {pasted}"
            return (f"The NumPy program masks {describe(unmasked)} with {describe(mask)} ({op_text(mask, trace)}, "
                    f"0 at {share:.0%} of the entries), a mask the port never makes: the port goes on with the value as "
                    "it is (its "
                    f"{describe(agreed[unmasked.index])}). One side leaves the mask out (pairs across groups, padded "
                    "entries, rows of other queries kept).")
    return ""


def port_mask_dropped(after: list[Value], other: Trace, agreed: dict[int, Value], trace: Trace) -> str:
    """The port's twin of `mask_dropped`: a port value that multiplies a value both programs have by a mask only the
    port makes (0 at some entries, one number at the others: a flag's complement, times a constant), where the NumPy
    program goes on with the value unmasked. A mask whose zeros the NumPy program has too (a dropout's, scaled
    otherwise) is one both make."""
    agreed_arrays = [v.array.ravel() for v in agreed.values()]
    for value in after[:24]:
        if value.op.removesuffix("_") not in ("mul", "multiply", "__mul__"):
            continue
        operands = [i for i in value.inputs if isinstance(i, int)]
        shared = {i for i in operands if any(a.size == other.values[i].array.size and np.array_equal(
            a, other.values[i].array.ravel()) for a in agreed_arrays)}  # an agreed value or a view of one
        masks = [i for i in operands if i not in shared and _scaled_mask(other.values[i].array) and not _from_y(other, i)]
        kept = [i for i in operands if i in shared and i not in masks and other.values[i].array.size == value.array.size]
        zeros = other.values[masks[0]].array.ravel() == 0 if len(masks) == 1 and kept else None
        if zeros is not None and not any(v.array.size == zeros.size and np.array_equal(v.array.ravel() == 0, zeros)
                                         for v in trace.values):  # a mask the NumPy program makes too is no reading
            mask = other.values[masks[0]]
            return (f"The port multiplies {describe(other.values[kept[0]])} by {describe(mask)} (0 at {zeros.mean():.0%} "
                    f"of the entries, {float(mask.array[mask.array != 0].ravel()[0]):g} at the others), a mask the NumPy "
                    "program never makes: it goes on with the value unmasked. One side leaves the mask out, or the "
                    "other applies it elsewhere.")
    return ""


def _scaled_mask(array: np.ndarray) -> bool:
    """0 at some entries and one other number at the rest: a 0/1 mask, or one times a constant."""
    return array.size > 1 and len(levels := np.unique(array)) == 2 and 0.0 in levels


def _as_derivative(mask: Value, theirs: Value, value: Value, other: Trace) -> str:
    """Where the value the mask multiplies is the port's gradient at an op's output, the mask read as that op's
    derivative (a ReLU's 1 where z > 0 in place of a leaky ReLU's)."""
    from parity.diagnosis.local_derivatives import factor_against  # a backward reading, only where a gradient is masked
    if theirs.op != "grad":
        return ""
    factor = np.broadcast_to(mask.array, value.array.shape).astype(np.float64)
    said = factor_against(factor, theirs, other, describe(mask), value.array.shape[0] if value.array.ndim else 0)
    return "" if said.endswith("written as another function.") else said


def _written_instead(mask: Value, theirs: Value, other: Trace) -> str:
    """The port writes into the value in place instead (a box pasted into a clone): the entries it replaces, over the
    mask's last axes, against those the NumPy program's mask zeroes."""
    written = next((other.values[u] for u in theirs.users if other.values[u].op == "setitem (in place)"), None)
    if written is None or written.array.shape != theirs.array.shape or mask.array.ndim < 2:
        return ""
    axes = tuple(range(written.array.ndim - mask.array.ndim))
    port = np.any(written.array != theirs.array, axis=axes) if axes else written.array != theirs.array
    mine = np.broadcast_to(mask.array == 0, port.shape) if mask.array.ndim <= port.ndim else None
    if mine is None or port.shape != mine.shape or np.array_equal(port, mine):
        return ""
    if port.ndim == 2 and port.shape[0] == port.shape[1] and np.array_equal(port, mine.T):
        return ("The port writes into that value in place instead (a box pasted into a copy), and the entries it replaces "
                "are the NumPy program's transposed: the box's rows and columns exchanged on one side.")
    return (f"The port writes into that value in place instead (a box pasted into a copy), at {int(port.sum())} entries "
            f"where the NumPy program's mask replaces {int(mine.sum())}, other ones: the region is placed otherwise.")


def _from_y(trace: Trace, index: int) -> bool:
    """Whether a value is made from the targets (a one-hot of the labels selects a loss's terms; it masks nothing)."""
    seen, stack = set(), [index]
    while stack:
        value = trace.values[stack.pop()]
        if value.op == "y":
            return True
        if value.index not in seen:
            seen.add(value.index)
            stack += [i for i in value.inputs if isinstance(i, int)]
    return False
