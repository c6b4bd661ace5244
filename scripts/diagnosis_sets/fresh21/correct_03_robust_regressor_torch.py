"""PyTorch port of HuberNet (correct_03_robust_regressor_numpy.py): the Huber loss with delta
DELTA written as DELTA * F.smooth_l1_loss(pred, y, beta=DELTA) (smooth L1 is the Huber loss
divided by its threshold), SGD(momentum=MU, nesterov=True)."""

import torch
import torch.nn.functional as F
from torch import nn

DELTA = 2.0
LR = 0.05
MU = 0.9


class HuberNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 8)
        self.fc2 = nn.Linear(8, 6)
        self.fc3 = nn.Linear(6, 1)

    def forward(self, x):
        return self.fc3(torch.tanh(self.fc2(torch.tanh(self.fc1(x)))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = DELTA * F.smooth_l1_loss(model(X), y, beta=DELTA)
    loss.backward()
    optimizer.step()
    return loss.item()
