"""Port of a sigmoid / softmax classifier (5 -> 8 -> 3, summed cross-entropy, heavy-ball
momentum). The weight initialisation, model.apply(init_weights) (Xavier-uniform weights, zero
biases), was meant to run once after the model is built but sits at the top of train_step:
every step re-draws the parameters before the forward pass, so each step trains a freshly
initialised network and nothing learnt carries over."""

import torch
import torch.nn.functional as F
from torch import nn


def init_weights(module):
    if isinstance(module, nn.Linear):
        nn.init.xavier_uniform_(module.weight)
        nn.init.zeros_(module.bias)


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        self.apply(init_weights)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def train_step(model, optimizer, X, y):
    model.apply(init_weights)   # BUG: initialise once, in __init__: delete this line
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
