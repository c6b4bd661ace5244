"""PyTorch port of negbin_numpy.py: ReLU MLP with a two-column head (log mean, softplus
dispersion), the NB log-likelihood from torch.distributions, RMSprop.

    fc.weight (16, 4) = W1.T, fc.bias = b1, head.weight (2, 16) = W2.T, head.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import NegativeBinomial


class NegBinMLP(nn.Module):
    def __init__(self, n_features=4, hidden=16):
        super().__init__()
        self.fc = nn.Linear(n_features, hidden)
        self.head = nn.Linear(hidden, 2)

    def forward(self, X):
        out = self.head(F.relu(self.fc(X)))
        eta = out[:, 0]
        alpha = F.softplus(out[:, 1])
        return eta, alpha


def nb_nll(eta, alpha, y):
    # torch's NegativeBinomial counts successes before total_count failures, success prob p:
    # mean = total_count * p / (1 - p), so with total_count = 1/alpha, logit(p) = eta - log(1/alpha).
    r = 1.0 / alpha
    dist = NegativeBinomial(total_count=r, logits=eta - torch.log(r))
    return -dist.log_prob(y).mean()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    eta, alpha = model(X)
    loss = nb_nll(eta, alpha, y)
    loss.backward()
    optimizer.step()
    return loss.item()
