"""Ops that mean other things on the two sides where two programs as written part: a convolution of another
length (its padding), and ops of one name and another meaning (np.convolve against conv1d, np.repeat against
Tensor.repeat)."""

from __future__ import annotations

from parity.diagnosis.value_trace import Value


CONVOLUTIONS = {"conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d"}


def lengths(numpy_values: list[Value], torch_ops: list[Value]) -> str:
    """The port's first op gives a value one axis longer or shorter than the NumPy program's of the same kind: a
    convolution's padding (each side: half the difference) or stride."""
    theirs = next((v for v in torch_ops if v.op in CONVOLUTIONS), None)
    if theirs is None:
        return ""
    shape = theirs.array.shape
    for value in numpy_values:
        mine = value.array.shape
        differ = [k for k in range(len(mine)) if len(mine) == len(shape) and mine[k] != shape[k]]
        if len(differ) == 1 and mine[:2] == shape[:2]:
            k = differ[0]
            gap = shape[k] - mine[k]
            padding = (f": the port's {theirs.op} pads each side by {gap // 2} (a 'same' convolution), the NumPy program's "
                       f"does not ('valid')" if gap > 0 and gap % 2 == 0 else
                       f": the two convolutions pad or stride otherwise ({shape[k]} against {mine[k]} positions)")
            return (f"The port's {theirs.op} gives {shape[k]} positions along axis {k} ({shape}), the NumPy program's "
                    f"convolution {mine[k]} ({mine}){padding}.")
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
    return ""
