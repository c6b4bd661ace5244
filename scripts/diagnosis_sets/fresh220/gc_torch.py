"""PyTorch port of gc_numpy.py: two ReLU layers, MSE, gradient centralization + SGD.

Gradient centralization is applied between backward() and optimizer.step(): each weight
gradient (dim > 1) loses its mean over every dimension but the first (the fan-in of an
nn.Linear weight (out, in)). torch.optim.SGD then adds the weight decay and the momentum.

Parameters: layers.0.weight (12, 8) = W1.T, layers.0.bias = b1, layers.1.weight = W2.T,
layers.1.bias = b2, layers.2.weight = W3.T, layers.2.bias = b3.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GCRegressor(nn.Module):
    def __init__(self, sizes=(8, 12, 10, 1)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return self.layers[-1](x)


@torch.no_grad()
def centralize_gradients(model):
    for p in model.parameters():
        if p.grad is not None and p.grad.dim() > 1:
            p.grad -= p.grad.mean(dim=tuple(range(1, p.grad.dim())), keepdim=True)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    centralize_gradients(model)
    optimizer.step()
    return loss.item()
