"""Port of the NumPy softmax classifier trained with Adam and an L2 penalty: 5 inputs, 8 ReLU
units, 4 classes, mean cross-entropy. The NumPy network adds WEIGHT_DECAY * p to every
gradient before Adam's moments; here the same term comes from the penalty
0.5 * WEIGHT_DECAY * ||p||^2 added to the loss, so Adam itself runs with weight_decay=0."""

import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.01


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def l2_penalty(model):
    return 0.5 * WEIGHT_DECAY * sum(torch.linalg.norm(p, 2) ** 2 for p in model.parameters())   # BUG: return 0.5 * WEIGHT_DECAY * sum(torch.linalg.norm(p) ** 2 for p in model.parameters())


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    (loss + l2_penalty(model)).backward()
    optimizer.step()
    return loss.item()
