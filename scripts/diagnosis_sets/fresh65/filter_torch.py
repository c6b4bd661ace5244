"""FilterNet in PyTorch: nn.Linear generator, softmax over the taps, the per-sample kernels applied
in one grouped F.conv1d (the batch as channels, groups=n), tanh, an nn.Linear head, F.mse_loss,
SGD."""

import torch
import torch.nn.functional as F
from torch import nn

L, K, N_CTX, LR = 8, 3, 2, 0.3
T = L - K + 1


class FilterNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.gen = nn.Linear(N_CTX, K)
        self.head = nn.Linear(T, 1)

    def forward(self, x, c):
        n = x.shape[0]
        k = torch.softmax(self.gen(c), dim=-1)
        f = F.conv1d(x.unsqueeze(0), k.unsqueeze(1), groups=n).squeeze(0)
        return self.head(torch.tanh(f))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X[:, :L], X[:, L:]), y)
    loss.backward()
    optimizer.step()
    return loss.item()
