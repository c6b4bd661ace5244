"""PyTorch port of dil_numpy.py: the dilated 1-D conv net on channels-last series.

The batch arrives (N, L, C) and is permuted to the (N, C, L) that nn.Conv1d wants.
Conv1d(4, 6, 3, padding=2, dilation=2) -> LeakyReLU(0.05) -> MaxPool1d(2)
-> Conv1d(6, 8, 4, stride=2, padding=1) -> ReLU -> mean over time -> Linear(8, 4).
SGD(lr=0.1, momentum=0.9), weight_decay=1e-2 on the weights only (two param groups),
MultiStepLR(milestones=[8, 14], gamma=0.2).

    conv1.weight = K1.permute(2, 1, 0), conv1.bias = c1, conv2.weight = K2.permute(2, 1, 0),
    conv2.bias = c2, fc.weight = W, fc.bias = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DilatedTSNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(4, 6, kernel_size=3, padding=2, dilation=2)
        self.act1 = nn.LeakyReLU(0.05)
        self.pool = nn.MaxPool1d(kernel_size=2)
        self.conv2 = nn.Conv1d(6, 8, kernel_size=4, stride=2, padding=1)
        self.fc = nn.Linear(8, 4)

    def forward(self, x):
        x = x.permute(0, 2, 1)                 # (N, L, C) -> (N, C, L)
        x = self.pool(self.act1(self.conv1(x)))
        x = torch.relu(self.conv2(x))
        return self.fc(x.mean(dim=-1))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-2)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[8, 14], gamma=0.2)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    out = model(X)
    loss = F.cross_entropy(out, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
