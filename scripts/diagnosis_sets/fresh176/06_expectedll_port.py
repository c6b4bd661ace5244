"""PyTorch port of mdn_numpy.py: softmax-gated mixture of three ReLU experts, each giving a
Gaussian mean and log-variance; loss the mixture negative log-likelihood; RMSprop.

The experts are batched: their weights are stacked nn.Parameters with a leading expert axis
and applied with einsum, the same layout as the NumPy program (W1 (E, D, H), W2 (E, H, 2)).
The gate is an nn.Linear (Wg = gate.weight.T).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class MDN(nn.Module):
    def __init__(self, n_in=3, n_experts=3, hidden=10):
        super().__init__()
        self.gate = nn.Linear(n_in, n_experts)
        self.W1 = nn.Parameter(torch.randn(n_experts, n_in, hidden) / math.sqrt(n_in))
        self.b1 = nn.Parameter(torch.zeros(n_experts, hidden))
        self.W2 = nn.Parameter(torch.randn(n_experts, hidden, 2) / math.sqrt(hidden))
        self.b2 = nn.Parameter(torch.zeros(n_experts, 2))

    def forward(self, x):
        log_pi = F.log_softmax(self.gate(x), dim=1)                       # (N, E)
        h = torch.relu(torch.einsum("nd,edh->enh", x, self.W1) + self.b1[:, None, :])
        o = torch.einsum("enh,eho->eno", h, self.W2) + self.b2[:, None, :]
        mu, log_var = o[..., 0].T, o[..., 1].T                            # (N, E)
        return log_pi, mu, log_var


def mdn_nll(log_pi, mu, log_var, y):
    log_n = -0.5 * (math.log(2 * math.pi) + log_var + (y - mu) ** 2 * torch.exp(-log_var))
    return -(log_pi.exp() * log_n).sum(dim=1).mean()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.005, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    log_pi, mu, log_var = model(X)
    loss = mdn_nll(log_pi, mu, log_var, y)
    loss.backward()
    optimizer.step()
    return loss.item()
