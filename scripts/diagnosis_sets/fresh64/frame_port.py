"""Frame-level classifier ported to PyTorch: each row is one frame's 8 spectral features,
8 -> 6 tanh -> 3 classes; the network returns logits and the loss is the mean negative
log-likelihood of the frame's class."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=8, hidden=6, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.nll_loss(F.log_softmax(logits, dim=1), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
