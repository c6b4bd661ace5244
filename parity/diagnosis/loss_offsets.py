"""Two losses that differ by exactly the mean (or sum) of values one program computes: that term is in one loss and
not in the other (a shift subtracted inside a log-sum-exp and not outside it, a constant term left out).

    numpy loss - port loss = ± mean(v)   or   ± Σ v        (v a value of either program, of two entries or more)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, describe

EXACT = 1e-7  # relative to the larger loss: a difference this exact is no coincidence of rounding
SINGLE = 10.0  # losses reported in float32 (each a float32 number): their sums round ten times as coarsely


def loss_offset(numpy_trace: Trace, torch_trace: Trace, departing: list[Value]) -> str:
    found = offset_term(numpy_trace, torch_trace, departing)
    if found is None:
        return ""
    side, value, how, gap = found
    larger = "NumPy program's" if gap > 0 else "port's"
    return (f"The two losses differ by exactly {'' if how == 'value' else f'the {how} of '}the {side}'s {describe(value)} "
            f"({gap:+.6g}, the {larger} the larger): that term is in one loss and not in the other (a shift subtracted "
            "inside a log-sum-exp and not outside it, a constant term of the loss left out or added).")


def offset_term(numpy_trace: Trace, torch_trace: Trace, departing: list[Value]) -> tuple[str, Value, str, float] | None:
    """The one value of either program that the two losses differ by: (whose, the value, "value", "mean" or "sum",
    NumPy's loss less the port's)."""
    losses = [float(v.array.ravel()[0]) for v in (departing[-1:] + port_loss_value(torch_trace)) if v.array.size == 1]
    if len(losses) != 2 or several_losses(torch_trace):
        return None  # a step of several backward passes (a GAN's two players): which loss is whose, the trace cannot say
    gap = losses[0] - losses[1]
    scale = max(map(abs, losses)) * (SINGLE if all(float(np.float32(x)) == x for x in losses) else 1.0)
    if abs(gap) <= 1e3 * EXACT * scale or _a_multiple(gap, losses):
        return None  # a gap that is a round multiple of a loss is a factor apart (the factor readings say it), no term
    for side, trace in (("NumPy program", numpy_trace), ("port", torch_trace)):
        for value in (v for v in trace.values if v.op not in ("X", "y") and v.op != "grad" and not v.op.endswith(".grad")):
            forms = (("mean", float(value.array.mean())), ("sum", float(value.array.sum()))) if value.array.size > 1 else \
                (("value", float(value.array.ravel()[0])),)  # a running total of some terms (the earlier passes' losses)
            for how, number in forms:
                if abs(abs(number) - abs(gap)) <= EXACT * scale:
                    return side, value, how, gap
    return None


def several_losses(trace: Trace) -> bool:
    """Whether the port runs another backward pass from a loss made after its first one (one optimizer per player
    stepped in turn, micro-batches): its first loss is then only one of the step's."""
    first_grad = next((v.index for v in trace.values if v.op == "grad" or v.op.endswith(".grad")), len(trace.values))
    return any(v.op == "grad" and v.array.size == 1 and v.inputs and isinstance(v.inputs[0], int) and v.inputs[0] > first_grad
               and trace.values[v.inputs[0]].op != "grad" for v in trace.values)


def _a_multiple(gap: float, losses: list[float]) -> bool:
    return any(loss and abs(abs(gap / loss) - k) <= 1e-6 * k for loss in losses for k in (0.25, 0.5, 1, 1.5, 2, 3, 4))


def port_loss_value(trace: Trace) -> list[Value]:
    """The port's loss: its last one-number value before the backward pass's first gradient (the optimizer's ops after)."""
    first_grad = next((v.index for v in trace.values if v.op == "grad" or v.op.endswith(".grad")), len(trace.values))
    return [v for v in trace.values[:first_grad] if v.array.size == 1][-1:]
