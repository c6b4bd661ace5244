"""PyTorch port of gce_numpy.py: a tanh MLP trained with the generalized cross-entropy loss."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GCELoss(nn.Module):
    def __init__(self, q=0.7):
        super().__init__()
        self.q = q

    def forward(self, logits, targets):
        pred = F.softmax(logits, dim=1)
        Yg = torch.gather(pred, 1, targets.unsqueeze(1))
        loss = (1 - Yg ** self.q) / self.q
        return loss.mean()


class GCENet(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_cls=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_cls)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


criterion = GCELoss(q=0.7)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
