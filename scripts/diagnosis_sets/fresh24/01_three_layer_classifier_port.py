"""Three-hidden-layer ReLU classifier, ported from the NumPy version: 5 inputs, three hidden layers
of 12 units, 3 classes. The hidden widths and their activations are set at the top so the depth
can be changed in one place. Cross-entropy on the logits; the optimizer comes from outside."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, N_CLASSES = 5, 3
HIDDEN = (12, 12, 12)
ACTIVATIONS = (F.relu, F.relu)   # BUG: ACTIVATIONS = (F.relu, F.relu, F.relu)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        widths = (N_IN,) + HIDDEN
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths[:-1], widths[1:]))
        self.head = nn.Linear(HIDDEN[-1], N_CLASSES)

    def forward(self, x):
        for layer, act in zip(self.hidden, ACTIVATIONS):
            x = act(layer(x))
        return self.head(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
