"""SignalConvNet in PyTorch: nn.Conv1d(1, 4, 3) on the signal as one input channel, tanh,
max pooling of width 2 with F.max_pool1d, the mean over the positions, a Linear readout. MSE,
SGD(momentum=0.9) at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn

WIDTH, CHANNELS = 3, 4


class SignalConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(1, CHANNELS, WIDTH)
        self.readout = nn.Linear(CHANNELS, 1)

    def forward(self, x):
        h = torch.tanh(self.conv(x.unsqueeze(1)))      # (n, C, 10)
        h = F.max_pool1d(h, 2)   # fix: h = F.max_pool1d(h, 2, stride=1)
        return self.readout(h.mean(dim=2))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
