"""PyTorch port of BlobSoftmax (11_blob_softmax_numpy.py): 4 -> 8 sigmoid -> 3, F.cross_entropy,
SGD at LR0 under CosineAnnealingLR(T_max=T_MAX, eta_min=LR_MIN), stepped after every update."""

import torch
import torch.nn.functional as F
from torch import nn

LR0 = 0.5
LR_MIN = 0.01
T_MAX = 40


class BlobSoftmax(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    return optimizer, torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=LR_MIN)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
