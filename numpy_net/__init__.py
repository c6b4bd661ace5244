"""A fully connected network written from scratch in NumPy; the two-layer sigmoid network is the default.

This is the code a port starts *from*: forward pass, losses, backpropagation
by the chain rule and the optimizers, with no framework underneath. It never
imports torch.
"""

from numpy_net.activations import ACTIVATIONS, backward_through, sigmoid, sigmoid_derivative, softmax
from numpy_net.losses import LOSSES, Loss, make_loss
from numpy_net.network import Activations, Params, backward, forward, has_bias, layer_count
from numpy_net.optimizers import OPTIMIZERS, STATE, Optimizer, make_optimizer
from numpy_net.spec import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, NetworkSpec, family_problem
from numpy_net.training import StepOutcome, Trainer
from numpy_net.weights import init_weights, layer_sizes, load_weights, param_names, param_shapes, save_weights

__all__ = [
    "ACTIVATIONS",
    "HIDDEN_ACTIVATIONS",
    "LOSSES",
    "OPTIMIZERS",
    "OUTPUT_ACTIVATIONS",
    "STATE",
    "Activations",
    "Loss",
    "NetworkSpec",
    "Optimizer",
    "Params",
    "StepOutcome",
    "Trainer",
    "backward",
    "backward_through",
    "family_problem",
    "forward",
    "has_bias",
    "init_weights",
    "layer_count",
    "layer_sizes",
    "load_weights",
    "make_loss",
    "make_optimizer",
    "param_names",
    "param_shapes",
    "save_weights",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
]
