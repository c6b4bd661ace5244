"""The PyTorch twin of numpy_net: an nn.Module built from the same NetworkSpec, autograd and torch.optim."""

from torch_net.layout import (
    gradients, grads_to_numpy, in_numpy_layout, linear_parameters, load_into, load_params, params_to_numpy,
    to_numpy, to_numpy_layout, to_torch_layout,
)
from torch_net.losses import loss_function
from torch_net.model import MLP, Forward
from torch_net.numerics import numerics, resolve_device
from torch_net.optimizers import load_state, make_optimizer, state_in_numpy_layout, state_to_numpy
from torch_net.training import TorchStepOutcome, TorchTrainer

__all__ = [
    "MLP",
    "Forward",
    "TorchStepOutcome",
    "TorchTrainer",
    "gradients",
    "grads_to_numpy",
    "in_numpy_layout",
    "linear_parameters",
    "load_state",
    "load_into",
    "load_params",
    "loss_function",
    "make_optimizer",
    "numerics",
    "params_to_numpy",
    "resolve_device",
    "state_in_numpy_layout",
    "state_to_numpy",
    "to_numpy",
    "to_numpy_layout",
    "to_torch_layout",
]
