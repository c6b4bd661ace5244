"""Port of a two-hidden-layer ReLU / softmax classifier (4 -> 6 -> 6 -> 3, mean cross-entropy,
Nesterov momentum, mini-batches of 12) in an nn.ModuleList. The softmax is written by hand as
F.normalize(torch.exp(z - max), dim=1), but F.normalize defaults to p=2: the exponentials are
divided by their Euclidean norm, not by their sum, so the 'probabilities' fed to nll_loss do
not sum to one."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, sizes=(4, 6, 6, 3)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        z = self.layers[-1](x)
        e = torch.exp(z - z.max(dim=1, keepdim=True).values)
        return F.normalize(e, dim=1)   # BUG: divide by the sum, F.normalize's p=1: F.normalize(e, p=1, dim=1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    probs = model(X)
    loss = F.nll_loss(torch.log(probs), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
