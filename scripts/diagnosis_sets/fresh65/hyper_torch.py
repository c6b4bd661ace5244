"""HyperNet in PyTorch: a two-layer tanh hypernetwork (nn.Linear) emits each row's (4, 3) weight
matrix, applied per sample with torch.einsum, plus a shared bias Parameter; F.cross_entropy, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

DIN, DOUT, DZ, HID, LR = 4, 3, 2, 5, 0.5


class HyperNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hyper1 = nn.Linear(DZ, HID)
        self.hyper2 = nn.Linear(HID, DIN * DOUT)
        self.bias = nn.Parameter(torch.zeros(DOUT))

    def forward(self, x, z):
        W = self.hyper2(torch.tanh(self.hyper1(z))).view(-1, DIN, DOUT)
        return torch.einsum("ni,nio->no", x, W) + self.bias


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X[:, :DIN], X[:, DIN:]), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
