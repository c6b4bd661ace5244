"""PyTorch port of distil_numpy.py, with its own distillation loss.

    hidden.weight (24, 12) = W1, hidden.bias = b1, out.weight (4, 24) = W2, out.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DistilledMLP(nn.Module):
    def __init__(self, n_in=12, hidden=24, n_cls=4):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_cls)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def kd_loss(student, teacher, labels, T=2.0, alpha=0.6):
    log_p = F.log_softmax(teacher / T, dim=0)
    log_q = F.log_softmax(student / T, dim=-1)
    soft = (log_p.exp() * (log_p - log_q)).sum(dim=-1).mean() * T ** 2
    hard = F.nll_loss(F.log_softmax(student, dim=-1), labels)
    return alpha * soft + (1 - alpha) * hard


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = kd_loss(logits, y[:, 1:], y[:, 0].long())
    loss.backward()
    optimizer.step()
    return loss.item()
