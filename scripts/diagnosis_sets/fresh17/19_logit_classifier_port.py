"""PyTorch port of my binary tanh classifier: 5 -> 8 -> 8 -> 1. The layers are registered one by
one under their own names and applied in registration order; forward returns the logit and the
loss is F.multilabel_soft_margin_loss on the single logit column, which for one label is the
mean binary cross-entropy with logits."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, sizes=(5, 8, 8, 1)):
        super().__init__()
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            self.register_module(f"dense{i}", nn.Linear(a, b))

    def forward(self, x):
        layers = list(self.children())
        for layer in layers[:-1]:
            x = torch.tanh(layer(x))
        return layers[-1](x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.multilabel_soft_margin_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
