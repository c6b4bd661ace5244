"""VisitNet in PyTorch: the model returns the expected count (kept positive), scored by
nn.PoissonNLLLoss(log_input=False); SGD with momentum 0.9."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.05, 0.9


class VisitNet(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        z = self.out(torch.tanh(self.hidden(x)))
        return F.softplus(z)   # fix: return torch.exp(z)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.PoissonNLLLoss(log_input=False)(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
