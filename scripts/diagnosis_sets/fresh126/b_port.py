"""PyTorch port of b_numpy.py: conv(3->4, s1, p1) -> ReLU -> conv(4->6, s2, p1) -> ReLU
-> global average pool -> Linear(6, 3), F.cross_entropy; plain SGD written by hand (lr 0.1).

    conv1.weight = K1, conv1.bias = b1, conv2.weight = K2, conv2.bias = b2,
    fc.weight = W.T, fc.bias = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LR = 0.1


class AllConvNet(nn.Module):
    def __init__(self, in_channels=3, c1=4, c2=6, classes=3):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, c1, 3, stride=1, padding=1)
        self.conv2 = nn.Conv2d(c1, c2, 3, stride=2, padding=1)
        self.fc = nn.Linear(c2, classes)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = x.mean(dim=(2, 3))
        return self.fc(x)


def train_step(model, optimizer, X, y):
    for p in model.parameters():
        p.grad = None
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= LR * p.grad
    return loss.item()
