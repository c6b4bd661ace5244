"""PyTorch port of BlobReluNet (15_blob_relu_net_numpy.py): 4 -> 10 ReLU -> 3, F.cross_entropy,
torch.optim.Adagrad with the same eps."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
EPS = 1e-10


class BlobReluNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 10)
        self.fc2 = nn.Linear(10, 3)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
