"""SeasonalQuantileNet in PyTorch: seasonal-naive baseline X[:, L-S:L-S+H] plus an MLP
(nn.Linear -> ReLU -> nn.Linear) on the seasonal differences, its output viewed (n, H, Q);
the pinball loss averaged over everything; torch.optim.Adagrad with weight_decay."""

import torch
from torch import nn

L, S, H, HIDDEN = 14, 7, 3, 10
TAUS = (0.1, 0.5, 0.9)
Q = len(TAUS)
LR, WD, EPS = 0.05, 0.01, 1e-10


class SeasonalQuantileNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(L - S, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, H * Q)

    def forward(self, X):
        naive = X[:, L - S:L - S + H]
        out = self.fc2(torch.relu(self.fc1(X[:, S:] - X[:, :L - S])))
        return naive.unsqueeze(-1) + out.view(-1, H, Q)


def pinball(q, y):
    tau = torch.tensor(TAUS, dtype=q.dtype, device=q.device)
    e = y.unsqueeze(-1) - q
    return torch.maximum(tau * e, (tau - 1) * e).mean()


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, weight_decay=WD, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pinball(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
