"""PyTorch port of unet_numpy.py: a tiny 1-D U-Net, Dice + BCE, Adam."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class UNet1D(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Conv1d(2, 6, 3, padding=1)
        self.down = nn.Conv1d(6, 8, 2, stride=2)
        self.mid = nn.Conv1d(8, 8, 3, padding=1)
        self.dec = nn.Conv1d(14, 6, 3, padding=1)
        self.head = nn.Conv1d(6, 1, 1)

    def forward(self, x):
        e1 = F.relu(self.enc(x))
        d = F.relu(self.down(e1))
        m = F.relu(self.mid(d))
        u = F.interpolate(m, scale_factor=2, mode="nearest")
        h = F.relu(self.dec(torch.cat([e1, u], dim=1)))
        return self.head(h)


def dice_bce_loss(logits, target, smooth=1.0):
    prob = torch.sigmoid(logits)
    inter = (prob * target).sum(dim=(1, 2))
    denom = prob.sum(dim=(1, 2)) + target.sum(dim=(1, 2))
    dice = (2 * inter + smooth) / (denom + smooth)
    return (1 - dice).mean() + F.binary_cross_entropy_with_logits(logits, target)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = dice_bce_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
