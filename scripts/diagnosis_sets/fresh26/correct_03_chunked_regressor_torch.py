"""ChunkedRegressor in PyTorch: nn.Sequential 4 -> 12 tanh -> 2, gradient accumulation over
X.tensor_split(3) micro-batches, each mean loss weighted by its share of the batch,
clip_grad_norm_ to 0.5, SGD with momentum under ExponentialLR(gamma=0.95)."""

import torch
import torch.nn.functional as F
from torch import nn

LR0, GAMMA, MU, MAX_NORM, CHUNKS = 0.1, 0.95, 0.9, 0.5, 3


class ChunkedRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 12), nn.Tanh(), nn.Linear(12, 2))

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0, momentum=MU)
    return optimizer, torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    total = 0.0
    for xb, yb in zip(X.tensor_split(CHUNKS), y.tensor_split(CHUNKS)):
        loss = F.mse_loss(model(xb), yb) * (len(xb) / len(X))
        loss.backward()
        total += loss.item()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    scheduler.step()
    return total
