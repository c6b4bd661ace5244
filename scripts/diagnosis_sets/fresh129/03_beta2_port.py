"""PyTorch port of ordinal_numpy.py: proportional-odds ordinal regression.

nn.Linear + tanh -> nn.Linear(hidden, 1, bias=False) score s; ordered thresholds
theta = cumsum([raw_0, softplus(raw_1:)]); P(y <= k) = sigmoid(theta_k - s);
negative log-likelihood of the observed grade, mean over rows; torch.optim.Adam.

    hidden.weight (hidden, 6) = W1.T, hidden.bias = b1, score.weight (1, hidden) = w2, raw = raw
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class OrdinalNet(nn.Module):
    def __init__(self, n_in=6, hidden=10, n_classes=5):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.score = nn.Linear(hidden, 1, bias=False)
        self.raw = nn.Parameter(torch.zeros(n_classes - 1))

    def thresholds(self):
        return torch.cumsum(torch.cat([self.raw[:1], F.softplus(self.raw[1:])]), dim=0)

    def forward(self, X):
        h = torch.tanh(self.hidden(X))
        s = self.score(h).squeeze(1)
        return torch.sigmoid(self.thresholds()[None, :] - s[:, None])   # P(y <= k)


def ordinal_nll(cum, y):
    N = cum.shape[0]
    pad = torch.cat([cum.new_zeros(N, 1), cum, cum.new_ones(N, 1)], dim=1)
    prob = pad.gather(1, (y + 1)[:, None]).squeeze(1) - pad.gather(1, y[:, None]).squeeze(1)
    return -torch.log(prob).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02, betas=(0.9, 0.99), eps=1e-8)   # fix: return torch.optim.Adam(model.parameters(), lr=0.02, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ordinal_nll(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
