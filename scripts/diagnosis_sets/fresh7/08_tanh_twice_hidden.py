"""Port of a 3-class classifier (two tanh hidden layers, 9 and 6 wide, softmax cross-entropy
summed over the batch, Adam, mini-batches of 10). Each hidden block is built by block() as
nn.Sequential(Linear, Tanh), and forward, written before block() gained its Tanh, still
applies torch.tanh to each block's output: both hidden layers compute tanh(tanh(z))."""

import torch
import torch.nn.functional as F
from torch import nn


def block(n_in, n_out):
    return nn.Sequential(nn.Linear(n_in, n_out), nn.Tanh())


class BlockNet(nn.Module):
    def __init__(self, sizes=(4, 9, 6), n_classes=3):
        super().__init__()
        self.blocks = nn.ModuleList(block(a, b) for a, b in zip(sizes, sizes[1:]))
        self.head = nn.Linear(sizes[-1], n_classes)

    def forward(self, x):
        for blk in self.blocks:
            x = torch.tanh(blk(x))   # BUG: the block already ends in nn.Tanh(): x = blk(x)
        return self.head(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1), reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
