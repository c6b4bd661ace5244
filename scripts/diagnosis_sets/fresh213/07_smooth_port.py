"""PyTorch port of pool_numpy.py: conv, max-pool, conv, transposed conv, skip concat,
1x1 head, soft Dice over the whole batch, SGD with momentum."""

import torch
import torch.nn as nn


class PoolSegNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Conv1d(1, 4, 3, padding=1)
        self.pool = nn.MaxPool1d(2)
        self.mid = nn.Conv1d(4, 8, 3, padding=1)
        self.up = nn.ConvTranspose1d(8, 4, 2, stride=2)
        self.head = nn.Conv1d(8, 1, 1)
        self.act = nn.ReLU()

    def forward(self, x):
        e = self.act(self.enc(x))
        m = self.act(self.mid(self.pool(e)))
        u = self.act(self.up(m))
        return self.head(torch.cat([e, u], dim=1))


def soft_dice_loss(logits, target, smooth=1e-6):
    p = torch.sigmoid(logits)
    return 1 - (2 * (p * target).sum() + smooth) / (p.sum() + target.sum() + smooth)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = soft_dice_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
