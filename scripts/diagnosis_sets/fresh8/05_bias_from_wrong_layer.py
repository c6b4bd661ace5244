"""Port of a two-hidden-layer sigmoid network (3 -> 7 -> 7 -> 1, sigmoid output, summed binary
cross-entropy, Adam) whose forward calls F.linear on the nn.Linear layers' tensors, to mirror
the NumPy code line by line. The second hidden layer's line was copied from the first and
only the weight was renamed: it adds fc1.bias. fc2.bias is never used (no gradient, it never
moves) and fc1.bias serves both layers; the equal widths hide the slip."""

import torch
import torch.nn.functional as F
from torch import nn


class TwoHidden(nn.Module):
    def __init__(self, n_in=3, width=7):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, width)
        self.out = nn.Linear(width, 1)

    def forward(self, x):
        h1 = torch.sigmoid(F.linear(x, self.fc1.weight, self.fc1.bias))
        h2 = torch.sigmoid(F.linear(h1, self.fc2.weight, self.fc1.bias))   # BUG: the layer's own bias: self.fc2.bias
        return torch.sigmoid(F.linear(h2, self.out.weight, self.out.bias))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
