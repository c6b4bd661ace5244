"""PyTorch port of superres_numpy.py: conv, linear and nearest upsampling, a channel concat.

    conv1 = nn.Conv1d(1, 4, 3, padding=1), tanh               -> h1
    a     = F.interpolate(h1, scale_factor=2, mode="linear", align_corners=False)
    conv2 = nn.Conv1d(4, 4, 3, padding=1), ReLU               -> h2
    s     = h1.repeat_interleave(2, dim=2)                    (nearest x2)
    head  = nn.Conv1d(8, 1, 1) on torch.cat([h2, s], dim=1)
F.mse_loss (mean), torch.optim.SGD(lr=0.1, momentum=0.9, weight_decay=1e-3).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SuperRes1D(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(1, 4, 3, padding=1)
        self.conv2 = nn.Conv1d(4, 4, 3, padding=1)
        self.head = nn.Conv1d(8, 1, 1)

    def forward(self, x):
        h1 = torch.tanh(self.conv1(x))
        a = F.interpolate(h1, scale_factor=2, mode="linear", align_corners=False)
        h2 = F.relu(self.conv2(a))
        s = h1.repeat_interleave(2, dim=2)
        return self.head(torch.cat([h2, s], dim=1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
