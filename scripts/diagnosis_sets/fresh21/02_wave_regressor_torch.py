"""PyTorch port of WaveRegressor (02_wave_regressor_numpy.py): an nn.Sequential MLP, nn.MSELoss,
SGD at LR0, and the inverse-time decay LR0 / (1 + DECAY * t) as a LambdaLR schedule stepped
after every update."""

import torch
from torch import nn

LR0 = 0.05
DECAY = 0.05


class WaveRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(3, 16), nn.ReLU(),
            nn.Linear(16, 12), nn.ReLU(),
            nn.Linear(12, 1),
        )
        self.criterion = nn.MSELoss()

    def forward(self, x):
        return self.layers(x)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1.0 / (1.0 + DECAY * t))   # BUG: schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1.0 / (1.0 + DECAY * (t + 1)))
    return optimizer, schedule


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = model.criterion(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
