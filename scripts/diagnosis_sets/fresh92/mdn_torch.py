"""MDN in PyTorch: nn.Linear hidden layer with tanh, one nn.Linear head split into the mixture
logits, the means (viewed (n, K, D)) and the log-standard-deviations (clamped); the mean negative
log-likelihood with F.log_softmax and torch.logsumexp; torch.optim.AdamW."""

import math

import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN, K, D = 3, 16, 3, 2
LR, WD = 0.01, 0.01
LOGSIG_MIN, LOGSIG_MAX = -4.0, 2.0


class MDN(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D_IN, HIDDEN)
        self.head = nn.Linear(HIDDEN, K + 2 * K * D)

    def forward(self, X):
        h = torch.tanh(self.hidden(X))
        out = self.head(h)
        logits, mu, ls = out.split([K, K * D, K * D], dim=1)
        mu = mu.view(-1, K, D)
        ls = ls.view(-1, K, D).clamp(LOGSIG_MIN, LOGSIG_MAX)
        return logits, mu, ls


def mdn_nll(logits, mu, ls, y):
    log_pi = F.log_softmax(logits, dim=1)
    z = (y.unsqueeze(1) - mu) / ls.exp()
    log_comp = (-0.5 * z ** 2 - ls - 0.5 * math.log(2.0 * math.pi)).sum(dim=2)
    return -torch.logsumexp(log_pi + log_comp, dim=1).mean()


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, mu, ls = model(X)
    loss = mdn_nll(logits, mu, ls, y)
    loss.backward()
    optimizer.step()
    return loss.item()
