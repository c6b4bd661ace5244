"""Two runs of products by numbers, one on each side, from the value both agree on: m·v·n/(n - 1) on one side and
v·n/(n - 1)·m' on the other. The factors both write are set aside, whatever their order; one left on each side, apart,
is the number the two programs part at (a momentum of 0.1 against 0.9)."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.op_pairs import chain, number_scale
from parity.diagnosis.value_trace import Trace, Value

MOST = 4  # products in a run


def factors_apart(traces: tuple[Trace, Trace], numpy_ops: list[Value], torch_ops: list[Value], region: list[int]) -> str:
    """The one factor each side's run of products by numbers (from its first op past the agreed value) holds that the
    other's does not, said; "" otherwise."""
    if not numpy_ops or not torch_ops:
        return ""
    own = _factors(chain(traces[0], numpy_ops[0], set(region), MOST))
    other = _factors(chain(traces[1], torch_ops[0], None, MOST))
    if len(own) < 2 and len(other) < 2:
        return ""  # one product each: the single op's own reading says it
    ratio = float(np.prod(own)) / float(np.prod(other)) if np.prod(other) else 0.0
    pair = next(((a, b) for a in own for b in other if b and abs(a / b - ratio) <= 1e-6 * abs(ratio) and abs(a - b) > 1e-6 * abs(b)), None)
    if not ratio or abs(ratio - 1) <= 1e-6 or pair is None:
        return ""  # the runs agree as a whole (one number written in two steps), or part by no one factor
    a, b = pair
    if abs(a - own[0]) <= 1e-12 * abs(a) and abs(b - other[0]) <= 1e-12 * abs(b):
        return ""  # the first products themselves part: the one op's own reading says it
    complement = (f" ({a:g} = 1 - {b:g}: a momentum or decay written as the share kept on one side and the share taken "
                  "in on the other, β where 1 - β belongs)") if abs(a + b - 1) <= 1e-6 else ""
    return (f"Both sides scale the value they agree on by a run of numbers (the NumPy program {', '.join(f'{f:.6g}' for f in own)}; "
            f"the port {', '.join(f'{f:.6g}' for f in other)}): the rest multiply to the same, and {a:g} on the NumPy side "
            f"stands where the port has {b:g}{complement}.")


def _factors(chain: list[Value]) -> list[float]:
    found = []
    for value in chain[:MOST]:
        scale = number_scale(value)
        if scale is None:
            break
        found.append(scale[0])
    return found
