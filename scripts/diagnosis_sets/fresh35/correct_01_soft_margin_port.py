"""Binary classifier in PyTorch: 5 -> 8 tanh -> 1 logit. The loss is F.soft_margin_loss on labels
recoded to -1 / +1, mean(log(1 + exp(-s z))), which is the mean binary cross-entropy with logits
written in its margin form.
"""

import torch
import torch.nn.functional as F
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
    loss = F.soft_margin_loss(model(X), 2.0 * y - 1.0)
    loss.backward()
    optimizer.step()
    return loss.item()
