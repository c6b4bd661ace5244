"""Correct port in an unusual style: three tanh hidden layers (6, 5, 4) in an nn.ModuleList,
linear output, mean squared error; train_step computes the gradients functionally, with
torch.func.grad_and_value over torch.func.functional_call on a detached copy of the
parameter dict, writes them into each parameter's .grad by hand, and calls the kit's
Nesterov optimizer.step()."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, grad_and_value


class DeepTanh(nn.Module):
    def __init__(self, sizes=(3, 6, 5, 4, 1)):
        super().__init__()
        self.linears = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x):
        for i, linear in enumerate(self.linears):
            x = linear(x)
            if i < len(self.linears) - 1:
                x = torch.tanh(x)
        return x


def train_step(model, optimizer, X, y):
    params = {name: p.detach() for name, p in model.named_parameters()}

    def loss_of(p):
        return F.mse_loss(functional_call(model, p, (X,)), y)

    grads, loss = grad_and_value(loss_of)(params)
    optimizer.zero_grad(set_to_none=True)
    for name, p in model.named_parameters():
        p.grad = grads[name].clone()
    optimizer.step()
    return float(loss)
