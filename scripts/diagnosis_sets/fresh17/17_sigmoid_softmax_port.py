"""PyTorch port of my three-class classifier: 4 -> 9 -> 3, sigmoid hidden layer, softmax output.
forward returns the logits; the training loss is the mean negative log-likelihood of the
labels under torch.distributions.Categorical(logits=...), which is the mean softmax
cross-entropy."""

import torch
from torch import nn
from torch.distributions import Categorical


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=9, n_classes=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.classes = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.classes(torch.sigmoid(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    dist = Categorical(logits=model(X))
    loss = -dist.log_prob(y.argmax(dim=1)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
