"""PyTorch port of seg2d_numpy.py: a tiny 2-D U-Net, transposed-conv decoder, soft Dice loss."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DiceUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Conv2d(1, 4, 3, padding=1)
        self.down = nn.Conv2d(4, 8, 3, stride=2, padding=1)
        self.up = nn.ConvTranspose2d(8, 4, 2, stride=2)
        self.head = nn.Conv2d(8, 1, 1)

    def forward(self, x):
        e1 = F.relu(self.enc(x))
        e2 = F.relu(self.down(e1))
        u = F.relu(self.up(e2))
        return self.head(torch.cat([u, e1.detach()], dim=1))


def soft_dice_loss(logits, target, smooth=1.0):
    prob = torch.sigmoid(logits)
    dims = (1, 2, 3)
    inter = (prob * target).sum(dims)
    union = prob.sum(dims) + target.sum(dims)
    dice = (2 * inter + smooth) / (union + smooth)
    return 1 - dice.mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = soft_dice_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
