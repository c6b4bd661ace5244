"""Port of a ReLU / softmax classifier with a hand-written, numerically stable softmax. The
stabilising max is taken under torch.no_grad() (harmless: the shift cancels), but the
normaliser sum(exp(z - max)) was put inside the same block: it is a constant to autograd,
so the gradient of the log-sum-exp is lost (dL/dz = -y / n instead of (p - y) / n)."""

import torch
from torch import nn


def softmax(z):
    with torch.no_grad():
        z_max = z.max(dim=1, keepdim=True).values
        denom = torch.exp(z - z_max).sum(dim=1, keepdim=True)   # BUG: must be outside no_grad
    return torch.exp(z - z_max) / denom


class Classifier(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return softmax(self.out(torch.relu(self.hidden(x))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    probs = model(X)
    loss = -(y * torch.log(probs)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
