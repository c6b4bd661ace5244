"""The step record: what one training step of either side produced, by name.

Names follow the order of computation, so the first tensor that fails at a
step is the first place the numbers part: the forward pass (the hidden
layers, the output, the loss), the gradients from the output layer back,
then the updated parameters. All arrays are in the NumPy layout (W of
shape (in, out)). A network with one hidden layer calls it `hidden`;
deeper ones `hidden1`, `hidden2`, ...
"""

from __future__ import annotations

import numpy as np

import numpy_net

Record = dict[str, np.ndarray]


def hidden_names(layers: int) -> tuple[str, ...]:
    """The names of the hidden layers' activations in a network of `layers` weight layers."""
    return ("hidden",) if layers == 2 else tuple(f"hidden{number}" for number in range(1, layers))


def backward_order(layers: int, bias: bool) -> tuple[str, ...]:
    """The parameters in the order backpropagation reaches them: W_L, b_L, ..., W1, b1."""
    return tuple(name for layer in range(layers, 0, -1) for name in (f"W{layer}", f"b{layer}") if bias or name[0] == "W")


def state_names(layers: int, bias: bool, optimizer: str) -> tuple[str, ...]:
    """The optimizer's state after the step, per parameter (output layer first), and Adam's step count."""
    per_parameter = tuple(f"{p}.{kind}" for p in backward_order(layers, bias) for kind in numpy_net.STATE[optimizer])
    return (*per_parameter, "step_count") if optimizer == "adam" else per_parameter


def tensor_names(bias: bool, layers: int = 2, optimizer: str = "sgd") -> tuple[str, ...]:
    """Forward, loss, gradients, optimizer state, parameters: the order a step computes them in."""
    forward = (*hidden_names(layers), "output", "loss")
    grads = tuple(f"{p}.grad" for p in backward_order(layers, bias))
    return (*forward, *grads, *state_names(layers, bias, optimizer), *numpy_net.param_names(layers, bias))


def make_record(
    hidden: list[np.ndarray],
    output: np.ndarray,
    loss: np.ndarray,
    grads: dict[str, np.ndarray],
    params: dict[str, np.ndarray],
    state: dict[str, np.ndarray] | None = None,
) -> Record:
    record: Record = dict(zip(hidden_names(len(hidden) + 1), hidden))
    record.update({"output": output, "loss": loss if hasattr(loss, "numel") else np.asarray(loss)})  # a tensor stays one
    record.update({f"{name}.grad": g for name, g in grads.items()})
    record.update(state or {})
    record.update(params)
    return record


def check_tensor_names(bias: bool, output: bool, layers: int = 2) -> tuple[str, ...]:
    """What `parity check` compares: the output, each parameter's update (backward order), the parameters."""
    updates = tuple(f"{p}.update" for p in backward_order(layers, bias))
    return (*(("output",) if output else ()), *updates, *numpy_net.param_names(layers, bias))


def make_check_record(output: np.ndarray | None, before: dict[str, np.ndarray], after: dict[str, np.ndarray]) -> Record:
    record: Record = {} if output is None else {"output": output}
    record.update({f"{name}.update": after[name] - before[name] for name in after})
    record.update(after)
    return record


# a fresh optimizer's first update as a multiple of -lr·g: the momentum buffer starts at g (torch.optim.SGD), Nesterov
# adds μ·g to it, the average starts from zero
FIRST_STEP = {"momentum": lambda mu: 1.0, "nesterov": lambda mu: 1.0 + mu, "ema-momentum": lambda mu: 1.0 - mu}


def gradients(record: Record, before: dict[str, np.ndarray], optimizer: str, lr: float, first_step: bool = False,
              momentum: float = 0.0) -> Record:
    """The record's gradients in float64: as recorded, or recovered from a plain SGD update, g = -Δθ / lr, or, on the
    first step (first_step), from a momentum optimizer's first update, a known multiple of -lr·g."""
    grads = {name: np.asarray(v, dtype=np.float64) for name, v in record.items() if name.endswith(".grad")}
    if grads or (optimizer != "sgd" and not (first_step and optimizer in FIRST_STEP)):
        return grads
    scale = lr * (FIRST_STEP[optimizer](momentum) if optimizer in FIRST_STEP else 1.0)
    return {
        f"{p}.grad": -(np.asarray(record[p], dtype=np.float64) - before[p].astype(np.float64)) / scale
        for p in sorted(before, key=lambda name: (-int(name[1:]), name[0] == "b"))  # output layer first, as recorded
        if p in record and np.shape(record[p]) == np.shape(before[p])
    }
