"""DeeplySupervised in PyTorch: two tanh layers, a main head on the second and an auxiliary head
on the first, loss MSE(out) + AUX_W * MSE(aux); SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
AUX_W = 0.4


class DeeplySupervised(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 8)
        self.head = nn.Linear(8, 1)
        self.aux_head = nn.Linear(8, 1)

    def forward(self, x):
        h1 = torch.tanh(self.fc1(x))
        h = torch.tanh(self.fc2(h1))
        aux = self.aux_head(h1)
        return self.head(h), aux


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out, aux = model(X)
    t = y[:, :1]
    loss = F.mse_loss(out, t) + AUX_W * F.mse_loss(aux, t)
    loss.backward()
    optimizer.step()
    return loss.item()
