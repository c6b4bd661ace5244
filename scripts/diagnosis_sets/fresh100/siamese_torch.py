"""SiameseNet in PyTorch: a shared tower (nn.Linear, tanh, nn.Linear) applied to both column
blocks of X, the Euclidean distance with EPS inside the square root and the contrastive loss
0.5 * (y d^2 + (1 - y) relu(MARGIN - d)^2) averaged over the pairs; torch.optim.SGD with momentum,
weight decay on the weights only (two parameter groups) and StepLR."""

import torch
from torch import nn
from torch.optim.lr_scheduler import StepLR

D, HIDDEN, EMB = 8, 16, 4
LR, MOMENTUM, WD = 0.05, 0.9, 5e-4
STEP, GAMMA = 8, 0.5
MARGIN, EPS = 2.0, 1e-6


class SiameseNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, EMB)

    def embed(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))

    def forward(self, x1, x2):
        return self.embed(x1), self.embed(x2)


def contrastive_loss(e1, e2, y):
    d2 = ((e1 - e2) ** 2).sum(dim=1) + EPS
    d = torch.sqrt(d2)
    return 0.5 * (y * d2 + (1 - y) * torch.clamp(MARGIN - d, min=0) ** 2).mean()


def make_optimizer(model):
    groups = [
        {"params": [model.fc1.weight, model.fc2.weight], "weight_decay": WD},
        {"params": [model.fc1.bias, model.fc2.bias], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.SGD(groups, lr=LR, momentum=MOMENTUM)
    scheduler = StepLR(optimizer, step_size=STEP, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    e1, e2 = model(X[:, :D], X[:, D:])
    loss = contrastive_loss(e1, e2, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
