"""TwoHeadNet in PyTorch: a shared Linear + tanh trunk, a classification head and a regression
head; the loss F.cross_entropy on the first three target columns (one-hot probabilities) plus
LAMBDA * F.mse_loss on the last; SGD at 0.2."""

import torch
import torch.nn.functional as F
from torch import nn

LAMBDA = 0.5


class TwoHeadNet(nn.Module):
    def __init__(self, n_in=5, hidden=8, classes=3):
        super().__init__()
        self.trunk = nn.Linear(n_in, hidden)
        self.cls_head = nn.Linear(hidden, classes)
        self.reg_head = nn.Linear(hidden, 1)

    def forward(self, x):
        h = torch.tanh(self.trunk(x))
        return self.cls_head(h), self.reg_head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, reg = model(X)
    loss = F.cross_entropy(logits, y[:, :3]) + LAMBDA * F.mse_loss(reg, y[:, 3:])
    loss.backward()
    optimizer.step()
    return loss.item()
