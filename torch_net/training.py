"""One training step of the twin: autograd for the gradients, torch.optim for the update."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from torch_net.layout import backprop_order, gradients
from torch_net.losses import LossFunction
from torch_net.model import MLP, Forward


@dataclass
class TorchStepOutcome:
    forward: Forward
    loss: torch.Tensor
    grads: dict[str, torch.Tensor]  # as autograd left them: torch's layout, on the model's device, not copied


class TorchTrainer:
    def __init__(self, model: MLP, loss: LossFunction, optimizer: torch.optim.Optimizer) -> None:
        self.model, self.loss, self.optimizer = model, loss, optimizer
        # the parameter tensors themselves: training, loading and model.double() change them in place, never replace
        self.order = backprop_order(model)

    def step(self, X: torch.Tensor, y: torch.Tensor) -> TorchStepOutcome:
        self.optimizer.zero_grad(set_to_none=True)
        fwd = self.model(X)
        loss = self.loss(fwd.logits, fwd.output, y)
        loss.backward()
        grads = gradients(self.model, self.order)
        self.optimizer.step()
        return TorchStepOutcome(forward=fwd, loss=loss.detach(), grads=grads)
