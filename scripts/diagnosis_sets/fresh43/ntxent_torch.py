"""NTXent in PyTorch: the shared encoder (Linear(5, 8), Tanh, Linear(8, 4)) on torch.cat of the two
views, F.normalize along the features, the similarity matrix z @ z.T / TAU with its diagonal
filled with -inf, and F.cross_entropy against the index of each row's other view. SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN, EMBED, TAU = 5, 8, 4, 0.5


class NTXent(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(N_IN, HIDDEN), nn.Tanh(), nn.Linear(HIDDEN, EMBED))

    def forward(self, X):
        z = self.encoder(torch.cat([X[:, 0], X[:, 1]], dim=0))
        return F.normalize(z, dim=1)


def nt_xent(z, tau=TAU):
    n2 = z.shape[0]
    sim = z @ z.T / tau
    self_mask = torch.eye(n2, dtype=torch.bool, device=z.device)
    sim = sim.masked_fill(self_mask, float("-inf"))
    targets = (torch.arange(n2, device=z.device) + n2 // 2) % n2
    return F.cross_entropy(sim, targets)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nt_xent(model(X))
    loss.backward()
    optimizer.step()
    return loss.item()
