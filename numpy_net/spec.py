"""The network family: one description from which numpy_net computes by hand and torch_net builds its module.

    sizes              (inputs, hidden..., outputs): (3, 4, 1) is the classic two-layer network
    hidden_activation  sigmoid | tanh | relu
    output_activation  sigmoid | linear | softmax
    loss               sse | half-sse | mse | half-mse | bce | bce-sum | ce | ce-sum
    bias               a bias in every layer, or none

Parameters are named W1..WL and b1..bL, W_l of shape (sizes[l-1], sizes[l]).
"""

from __future__ import annotations

from dataclasses import dataclass

from numpy_net.weights import param_shapes

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu")
OUTPUT_ACTIVATIONS = ("sigmoid", "linear", "softmax")
# The output units each loss is defined on; the squared errors take any.
LOSS_OUTPUTS = {"bce": ("sigmoid",), "bce-sum": ("sigmoid",), "ce": ("softmax",), "ce-sum": ("softmax",)}


@dataclass(frozen=True)
class NetworkSpec:
    sizes: tuple[int, ...]
    hidden_activation: str = "sigmoid"
    output_activation: str = "sigmoid"
    loss: str = "sse"
    bias: bool = True

    def __post_init__(self) -> None:
        problem = family_problem(self.hidden_activation, self.output_activation, self.loss, self.sizes[-1])
        if problem:
            raise ValueError(problem)
        if len(self.sizes) < 3 or min(self.sizes) < 1:
            raise ValueError(f"a network needs inputs, at least one hidden layer and outputs, got sizes {self.sizes}")

    @property
    def layers(self) -> int:
        return len(self.sizes) - 1

    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        """The NumPy layout, in the order W1, b1, W2, b2, ...: W_l of shape (in, out), b_l of shape (out,)."""
        return param_shapes(self.sizes[0], self.sizes[1:-1], self.sizes[-1], self.bias)


def family_problem(hidden_activation: str, output_activation: str, loss: str, outputs: int) -> str | None:
    """Why this combination is not a network the kit can build, or None."""
    if hidden_activation not in HIDDEN_ACTIVATIONS:
        return f"unknown hidden activation {hidden_activation!r}; expected one of {', '.join(HIDDEN_ACTIVATIONS)}"
    if output_activation not in OUTPUT_ACTIVATIONS:
        return f"unknown output activation {output_activation!r}; expected one of {', '.join(OUTPUT_ACTIVATIONS)}"
    wanted = LOSS_OUTPUTS.get(loss)
    if wanted and output_activation not in wanted:
        return f"--loss {loss} needs --output-activation {wanted[0]}, not {output_activation}"
    if output_activation == "softmax" and outputs < 2:
        return "a softmax over one output is always 1: softmax needs two or more outputs (one-hot targets)"
    return None
