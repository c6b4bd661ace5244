"""PyTorch port of simclr_numpy.py: encoder, projection head, NT-Xent, SGD with momentum."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SimCLR(nn.Module):
    def __init__(self, d_in=12, d_hidden=32, d_proj=16, tau=0.5):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d_in, d_hidden), nn.Tanh())
        self.head = nn.Sequential(nn.Linear(d_hidden, d_hidden), nn.ReLU(),
                                  nn.Linear(d_hidden, d_proj))
        self.tau = tau

    def forward(self, X):
        x = torch.cat([X[:, 0], X[:, 1]], dim=0)
        return self.head(self.encoder(x))


def nt_xent(z, tau):
    n2 = z.shape[0]
    n = n2 // 2
    z = F.normalize(z, dim=1)
    sim = z @ z.T / tau
    self_mask = torch.eye(n2, dtype=torch.bool, device=z.device)
    sim = sim.masked_fill(self_mask, float("-inf"))
    targets = (torch.arange(n2, device=z.device) + n) % n2
    return F.cross_entropy(sim[:n], targets[:n])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nt_xent(model(X), model.tau)
    loss.backward()
    optimizer.step()
    return loss.item()
