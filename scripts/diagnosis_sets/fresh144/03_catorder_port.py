"""PyTorch port of unet2d_numpy.py: a tiny U-Net with one skip connection.

    enc  = nn.Conv2d(1, 4, 3, padding=1), ReLU        -> e1
    pool = F.avg_pool2d(2)
    mid  = nn.Conv2d(4, 8, 3, padding=1), ReLU
    up   = nn.ConvTranspose2d(8, 4, 2, stride=2)
    cat  = torch.cat([up, e1], dim=1)
    head = nn.Conv2d(8, 1, 1)                          -> logits
F.binary_cross_entropy_with_logits (mean), torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Conv2d(1, 4, 3, padding=1)
        self.mid = nn.Conv2d(4, 8, 3, padding=1)
        self.up = nn.ConvTranspose2d(8, 4, 2, stride=2)
        self.head = nn.Conv2d(8, 1, 1)

    def forward(self, x):
        e1 = F.relu(self.enc(x))
        e2 = F.relu(self.mid(F.avg_pool2d(e1, 2)))
        u = self.up(e2)
        return self.head(torch.cat([e1, u], dim=1))  # fix: return self.head(torch.cat([u, e1], dim=1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
