"""GatedMoE in PyTorch: the experts' weights batched as (E, D, H) nn.Parameters applied with
torch.einsum, a softmax gate from an nn.Linear, the gate-weighted sum of the expert outputs;
F.mse_loss plus LB * E * the squared mean gate; torch.optim.Adam with ExponentialLR whose per-step
factor is GAMMA ** (1 / DECAY_STEPS)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR

D, E, H = 6, 3, 4
LR, GAMMA, DECAY_STEPS, LB = 0.02, 0.5, 10, 0.1


class GatedMoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate = nn.Linear(D, E)
        self.W1 = nn.Parameter(torch.randn(E, D, H) / D ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(E, H))
        self.W2 = nn.Parameter(0.5 * torch.randn(E, H))
        self.b2 = nn.Parameter(torch.zeros(E))

    def forward(self, X):
        gates = torch.softmax(self.gate(X), dim=1)
        hidden = torch.tanh(torch.einsum("nd,edh->neh", X, self.W1) + self.b1)
        expert_out = torch.einsum("neh,eh->ne", hidden, self.W2) + self.b2
        return (gates * expert_out).sum(dim=1), gates


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    scheduler = ExponentialLR(optimizer, gamma=GAMMA)  # fix: scheduler = ExponentialLR(optimizer, gamma=GAMMA ** (1.0 / DECAY_STEPS))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    out, gates = model(X)
    balance = LB * E * gates.mean(dim=0).pow(2).sum()
    loss = F.mse_loss(out, y) + balance
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
