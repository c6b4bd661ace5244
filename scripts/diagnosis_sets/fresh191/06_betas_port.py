"""PyTorch port of supcon_numpy.py: tanh encoder, linear projection, SupCon loss, Adam."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SupConNet(nn.Module):
    def __init__(self, d_in=10, d_hidden=24, d_proj=8, tau=0.2):
        super().__init__()
        self.enc = nn.Linear(d_in, d_hidden)
        self.proj = nn.Linear(d_hidden, d_proj)
        self.tau = tau

    def forward(self, X):
        x = torch.cat([X[:, 0], X[:, 1]], dim=0)
        return self.proj(torch.tanh(self.enc(x)))


def supcon_loss(z, y, tau):
    n2 = z.shape[0]
    labels = torch.cat([y, y])
    z = F.normalize(z, dim=1)
    sim = z @ z.T / tau
    self_mask = torch.eye(n2, dtype=torch.bool, device=z.device)
    pos = (labels[:, None] == labels[None, :]) & ~self_mask
    sim = sim.masked_fill(self_mask, float("-inf"))
    log_prob = sim - torch.logsumexp(sim, dim=1, keepdim=True)
    log_prob = log_prob.masked_fill(self_mask, 0.0)
    loss_i = -(log_prob * pos).sum(dim=1) / pos.sum(dim=1)
    return loss_i.mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.99), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = supcon_loss(model(X), y, model.tau)
    loss.backward()
    optimizer.step()
    return loss.item()
