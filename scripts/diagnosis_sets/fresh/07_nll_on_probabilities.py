"""The classifier returns softmax probabilities and the loss is F.nll_loss on them, which
expects log-probabilities: the log is missing, so the loss is -p[target]."""

import torch
from torch import nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        h = torch.relu(self.hidden(x))
        return torch.softmax(self.out(h), dim=1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    probs = model(X)
    loss = F.nll_loss(probs, y.argmax(dim=1))   # BUG: nll_loss needs torch.log(probs)
    loss.backward()
    optimizer.step()
    return loss.item()
