"""The step record: what one training step of either side produced, by name.

Names follow the order of computation, so the first tensor that fails at a
step is the first place the numbers part: the forward pass, the loss, the
gradients from the output layer back, then the updated parameters. All
arrays are in the NumPy layout (W of shape (in, out)).
"""

from __future__ import annotations

import numpy as np

Record = dict[str, np.ndarray]

FORWARD = ("hidden", "output", "loss")
PARAMS_BACKWARD_ORDER = ("W2", "b2", "W1", "b1")
PARAMS = ("W1", "b1", "W2", "b2")


def tensor_names(bias: bool) -> tuple[str, ...]:
    params = PARAMS if bias else ("W1", "W2")
    backward = [p for p in PARAMS_BACKWARD_ORDER if p in params]
    return (*FORWARD, *(f"{p}.grad" for p in backward), *params)


def make_record(
    hidden: np.ndarray,
    output: np.ndarray,
    loss: np.ndarray,
    grads: dict[str, np.ndarray],
    params: dict[str, np.ndarray],
) -> Record:
    record: Record = {"hidden": hidden, "output": output, "loss": np.asarray(loss)}
    record.update({f"{name}.grad": g for name, g in grads.items()})
    record.update(params)
    return record


def check_tensor_names(bias: bool, output: bool) -> tuple[str, ...]:
    """What `parity check` compares: the output, each parameter's update (backward order), the parameters."""
    params = PARAMS if bias else ("W1", "W2")
    backward = [p for p in PARAMS_BACKWARD_ORDER if p in params]
    return (*(("output",) if output else ()), *(f"{p}.update" for p in backward), *params)


def make_check_record(output: np.ndarray | None, before: dict[str, np.ndarray], after: dict[str, np.ndarray]) -> Record:
    record: Record = {} if output is None else {"output": output}
    record.update({f"{name}.update": after[name] - before[name] for name in after})
    record.update(after)
    return record


def gradients(record: Record, before: dict[str, np.ndarray], optimizer: str, lr: float) -> Record:
    """The record's gradients in float64: as recorded, or recovered from a plain SGD update, g = -Δθ / lr."""
    grads = {name: np.asarray(v, dtype=np.float64) for name, v in record.items() if name.endswith(".grad")}
    if grads or optimizer != "sgd":
        return grads
    return {
        f"{p}.grad": -(np.asarray(record[p], dtype=np.float64) - before[p].astype(np.float64)) / lr
        for p in before
        if p in record and np.shape(record[p]) == np.shape(before[p])
    }
