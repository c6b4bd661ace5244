"""HeteroRegressor in PyTorch: Linear -> tanh -> Linear(2), the mean and a raw scale whose
variance is softplus(s) with a floor of MIN_VAR, scored with torch's Gaussian negative
log-likelihood (full=False, mean over the rows), SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

MIN_VAR = 1e-3
LR = 0.05


class HeteroRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=12):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.heads = nn.Linear(hidden, 2)

    def forward(self, x):
        return self.heads(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    mu, s = out[:, :1], out[:, 1:]
    loss = F.gaussian_nll_loss(mu, y, F.softplus(s), eps=MIN_VAR)  # fix: loss = F.gaussian_nll_loss(mu, y, F.softplus(s) + MIN_VAR)
    loss.backward()
    optimizer.step()
    return loss.item()
