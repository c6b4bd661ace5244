"""A two-layer sigmoid network written from scratch in NumPy.

This is the code a port starts *from*: forward pass, losses, backpropagation
by the chain rule and the optimizers, with no framework underneath. It never
imports torch.
"""

from numpy_net.activations import sigmoid, sigmoid_derivative
from numpy_net.losses import LOSSES, Loss, make_loss
from numpy_net.network import Activations, Params, backward, forward, has_bias
from numpy_net.optimizers import OPTIMIZERS, Optimizer, make_optimizer
from numpy_net.training import StepOutcome, Trainer
from numpy_net.weights import init_weights, load_weights, param_shapes, save_weights

__all__ = [
    "LOSSES",
    "OPTIMIZERS",
    "Activations",
    "Loss",
    "Optimizer",
    "Params",
    "StepOutcome",
    "Trainer",
    "backward",
    "forward",
    "has_bias",
    "init_weights",
    "load_weights",
    "make_loss",
    "make_optimizer",
    "param_shapes",
    "save_weights",
    "sigmoid",
    "sigmoid_derivative",
]
