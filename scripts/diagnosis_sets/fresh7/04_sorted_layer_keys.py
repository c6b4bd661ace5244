"""Port of a binary classifier with two tanh hidden layers (6 inputs, 6 and 6 hidden units,
sigmoid output, binary cross-entropy, Nesterov momentum). The layers live in an nn.ModuleDict
keyed "input", "hidden", "output", and forward walks sorted(self.layers) "to be
deterministic": alphabetically "hidden" comes before "input", so the two equal-width hidden
layers are applied in swapped order (the shapes hide it)."""

import torch
import torch.nn.functional as F
from torch import nn


class KeyedNet(nn.Module):
    def __init__(self, n_in=6, width=6):
        super().__init__()
        self.layers = nn.ModuleDict({
            "input": nn.Linear(n_in, width),
            "hidden": nn.Linear(width, width),
            "output": nn.Linear(width, 1),
        })

    def forward(self, x):
        for name in sorted(self.layers):   # BUG: the ModuleDict's own (insertion) order: for name in self.layers
            x = self.layers[name](x)
            x = torch.sigmoid(x) if name == "output" else torch.tanh(x)
        return x


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
