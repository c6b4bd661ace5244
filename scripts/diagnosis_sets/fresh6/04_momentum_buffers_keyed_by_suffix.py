"""Port of an 8-class classifier whose layers are all 8 wide (8 inputs, two tanh hidden
layers of 8, 8 logits) in an nn.ModuleList, softmax cross-entropy, trained by a hand-written
heavy-ball momentum optimizer (torch's form: the buffer starts as the gradient, then
buf = mu buf + g). Its buffers live in a dict keyed by name.split('.')[-1], which is only
'weight' or 'bias': the three equal-shape layers share one weight buffer and one bias
buffer, so each layer's update carries the other layers' gradients."""

import torch
import torch.nn.functional as F
from torch import nn


class SquareMLP(nn.Module):
    def __init__(self, width=8, depth=3):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(width, width) for _ in range(depth))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = torch.tanh(layer(x))
        return self.layers[-1](x)


class NamedMomentum:
    def __init__(self, named_params, lr, momentum=0.9):
        self.named_params = list(named_params)
        self.lr, self.momentum = lr, momentum
        self.buffers = {}

    def zero_grad(self):
        for _, p in self.named_params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for name, p in self.named_params:
            key = name.split(".")[-1]   # BUG: one buffer per parameter: key = name
            if key not in self.buffers:
                self.buffers[key] = p.grad.clone()
            else:
                self.buffers[key].mul_(self.momentum).add_(p.grad)
            p.sub_(self.lr * self.buffers[key])


def make_optimizer(model, lr):
    return NamedMomentum(model.named_parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
