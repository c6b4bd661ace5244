"""OrdinalMLP in PyTorch: nn.Linear + ReLU + a bias-free nn.Linear score; ordered thresholds
theta0 + cumsum(F.softplus(deltas)); the cumulative logits thresholds - f through torch.sigmoid,
the grade probabilities as differences of the padded cumulative probabilities, the mean negative
log-likelihood; torch.optim.SGD(momentum=0.9) with weight_decay on the weights only and
MultiStepLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import MultiStepLR

D, HIDDEN, K = 6, 10, 5
LR, MOMENTUM, WD = 0.05, 0.9, 1e-3
MILESTONES, GAMMA = (6, 12), 0.3


class OrdinalMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, HIDDEN)
        self.score = nn.Linear(HIDDEN, 1, bias=False)
        self.theta0 = nn.Parameter(torch.tensor([-1.5]))
        self.deltas = nn.Parameter(torch.full((K - 2,), 0.6))

    def thresholds(self):
        return torch.cat([self.theta0, self.theta0 + torch.cumsum(F.softplus(self.deltas), dim=0)])

    def forward(self, X):
        f = self.score(torch.relu(self.hidden(X))).squeeze(1)
        return self.thresholds()[None, :] - f[:, None]  # cumulative logits (n, K-1)


def ordinal_nll(logits, y):
    Fc = torch.sigmoid(logits)
    Fpad = torch.cat([torch.zeros_like(Fc[:, :1]), Fc, torch.ones_like(Fc[:, :1])], dim=1)
    rows = torch.arange(len(y))
    prob = Fpad[rows, y + 1] - Fpad[rows, y]
    return -torch.log(prob).mean()


def make_optimizer(model):
    groups = [
        {"params": [model.hidden.weight, model.score.weight], "weight_decay": WD},
        {"params": [model.hidden.bias, model.theta0, model.deltas], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)  # fix: optimizer = torch.optim.SGD(groups, lr=LR, momentum=MOMENTUM)
    scheduler = MultiStepLR(optimizer, milestones=list(MILESTONES), gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = ordinal_nll(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
