"""PyTorch port of sce_numpy.py: symmetric cross-entropy (CE + reverse CE) on a ReLU MLP."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SCELoss(nn.Module):
    def __init__(self, alpha=0.1, beta=1.0, num_classes=3):
        super().__init__()
        self.alpha = alpha
        self.beta = beta
        self.num_classes = num_classes

    def forward(self, pred, labels):
        ce = F.cross_entropy(pred, labels)
        pred = F.softmax(pred, dim=1)
        pred = torch.clamp(pred, min=1e-7, max=1.0)
        label_one_hot = F.one_hot(labels, self.num_classes).to(pred.dtype)
        label_one_hot = torch.clamp(label_one_hot, min=1e-7, max=1.0)
        rce = -1 * torch.sum(pred * torch.log(label_one_hot), dim=1)
        return self.alpha * ce + self.beta * rce.mean()


class SCENet(nn.Module):
    def __init__(self, n_in=8, hidden=20, n_cls=3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, n_cls))

    def forward(self, x):
        return self.net(x)


criterion = SCELoss()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
