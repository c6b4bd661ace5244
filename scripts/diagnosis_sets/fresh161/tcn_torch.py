"""PyTorch port of tcn_numpy.py: the 1-D convolutional time-series classifier.

Conv1d(3, 8, 5, stride=2, padding=2) -> ReLU -> MaxPool1d(2)
-> Conv1d(8, 12, 3, padding=2, dilation=2) -> LeakyReLU(0.1) -> mean over time
-> Linear(12, 3); F.cross_entropy; SGD(lr=0.05, momentum=0.9) with StepLR(5, 0.5).

    conv1.weight = W1, conv1.bias = b1, conv2.weight = W2, conv2.bias = b2,
    fc.weight = W3.T, fc.bias = b3
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class TSConvNet(nn.Module):
    def __init__(self, c_in=3, c1=8, c2=12, classes=3):
        super().__init__()
        self.conv1 = nn.Conv1d(c_in, c1, kernel_size=5, stride=2, padding=2)
        self.pool = nn.MaxPool1d(2)
        self.conv2 = nn.Conv1d(c1, c2, kernel_size=3, padding=2, dilation=2)
        self.fc = nn.Linear(c2, classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = F.leaky_relu(self.conv2(x), negative_slope=0.1)
        return self.fc(x.mean(dim=2))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=5, gamma=0.5)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
