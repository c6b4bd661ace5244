"""ClubSAGEPool in PyTorch: the sampled neighbourhoods as a buffer, the pooling nn.Linear and
ReLU, the pooled vectors gathered by neighbour index and reduced with .max(dim=1), root and
neighbour nn.Linear layers, tanh, an nn.Linear head, F.cross_entropy, Adam."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

NBRS = np.load(Path(__file__).with_name("club.npz"))["nbrs"]
LR = 0.02


class ClubSAGEPool(nn.Module):
    def __init__(self, n_in=4, pool=6, hidden=8, n_out=3):
        super().__init__()
        self.register_buffer("nbrs", torch.from_numpy(NBRS))
        self.pool = nn.Linear(n_in, pool)
        self.root = nn.Linear(n_in, hidden, bias=False)
        self.neigh = nn.Linear(pool, hidden)
        self.head = nn.Linear(hidden, n_out)

    def forward(self, x):
        pooled = torch.relu(self.pool(x))
        agg = pooled[self.nbrs].max(dim=1).values
        return self.head(torch.tanh(self.root(x) + self.neigh(agg)))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
