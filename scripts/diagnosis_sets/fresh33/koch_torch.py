"""KochSiamese in PyTorch: a shared encoder nn.Sequential(Linear(5, 8), Tanh) run on each input
of the pair, the head Linear(8, 1) on torch.abs(h1 - h2), F.binary_cross_entropy_with_logits,
plain SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN = 5, 8


class KochSiamese(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(N_IN, HIDDEN), nn.Tanh())
        self.head = nn.Linear(HIDDEN, 1)

    def forward(self, pairs):
        h1 = self.encoder(pairs[:, 0])
        h2 = self.encoder(pairs[:, 1])
        return self.head(torch.abs(h1 - h2))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
