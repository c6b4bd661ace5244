"""Binary classifier with two inputs in PyTorch: a user id (one of 5) and 3 dense features. The
first layer is one Linear(8, 6) over [one-hot id, dense], but the one-hot product is never
formed: the id's part is an embedding lookup, F.embedding into the transposed first 5 columns
of fc1.weight, added to F.linear of the dense features with the remaining columns and the
bias. tanh, one logit, BCE with logits; heavy-ball momentum from make_optimizer.
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
        id_part = F.embedding(ids, self.fc1.weight[:, :NUM_IDS].t())
        z = id_part + F.linear(dense, self.fc1.weight[:, NUM_IDS:], self.fc1.bias)
        return self.fc2(torch.tanh(z))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    ids, dense = X[:, :NUM_IDS].argmax(dim=1), X[:, NUM_IDS:]
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(ids, dense), y)
    loss.backward()
    optimizer.step()
    return loss.item()
