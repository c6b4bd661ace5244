"""PyTorch port of BatchNormClassifier (07_batchnorm_classifier_numpy.py): Linear without bias,
BatchNorm1d, ReLU, Linear, sigmoid; mean binary cross-entropy; SGD at 0.2."""

import torch
import torch.nn.functional as F
from torch import nn


class BatchNormClassifier(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden, bias=False)
        self.bn = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(F.relu(self.bn(self.fc1(x)))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


@torch.no_grad()
def accuracy(model, X, y):
    model.eval()
    return ((model(X) > 0.5).float() == y).float().mean().item()


def train_step(model, optimizer, X, y):
    model.eval()   # BUG: model.train()
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
