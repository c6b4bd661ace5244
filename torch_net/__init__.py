"""The PyTorch twin of numpy_net: an nn.Module, autograd and torch.optim."""

from torch_net.layout import grads_to_numpy, load_params, params_to_numpy
from torch_net.losses import loss_function
from torch_net.model import Forward, TwoLayerSigmoid
from torch_net.numerics import numerics, resolve_device
from torch_net.optimizers import make_optimizer
from torch_net.training import TorchStepOutcome, TorchTrainer

__all__ = [
    "Forward",
    "TorchStepOutcome",
    "TorchTrainer",
    "TwoLayerSigmoid",
    "grads_to_numpy",
    "load_params",
    "loss_function",
    "make_optimizer",
    "numerics",
    "params_to_numpy",
    "resolve_device",
]
