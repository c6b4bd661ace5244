"""PyTorch port of moe_numpy.py: a softmax gate over four tanh expert MLPs, MSE on the
gate-weighted sum of the experts' predictions, torch.optim.Adam.

    gate          nn.Linear(4, 4)               Wg = gate.weight.T, bg = gate.bias
    experts[k]    nn.Sequential(Linear(4, 8), Tanh(), Linear(8, 1))
                  W1_k = experts.k.0.weight.T, b1_k = experts.k.0.bias,
                  W2_k = experts.k.2.weight.T, b2_k = experts.k.2.bias
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MoE(nn.Module):
    def __init__(self, n_in=4, n_experts=4, hidden=8):
        super().__init__()
        self.gate = nn.Linear(n_in, n_experts)
        self.experts = nn.ModuleList(
            nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh(), nn.Linear(hidden, 1))
            for _ in range(n_experts))

    def forward(self, x):
        pi = F.softmax(self.gate(x), dim=1)                          # (N, E)
        out = torch.cat([e(x) for e in self.experts], dim=1)         # (N, E)
        return (pi * out).sum(dim=1)                                 # (N,)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
