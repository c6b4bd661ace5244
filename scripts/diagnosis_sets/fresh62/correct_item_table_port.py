"""Next-item recommender port written the recommender way: the output layer is an item table, an
nn.Embedding whose rows are the items' vectors, scored against the user tower's output with
torch.einsum, plus a per-item bias vector; the cross-entropy written as logsumexp over the
catalogue minus the clicked item's score (picked with gather)."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, width=8, n_items=5):
        super().__init__()
        self.user_tower = nn.Linear(n_in, width)
        self.item_table = nn.Embedding(n_items, width)
        self.item_bias = nn.Parameter(torch.zeros(n_items))

    def forward(self, x):
        h = torch.tanh(self.user_tower(x))
        return torch.einsum("nd,kd->nk", h, self.item_table.weight) + self.item_bias


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    scores = model(X)
    clicked = y.argmax(dim=1, keepdim=True)
    loss = (torch.logsumexp(scores, dim=1) - scores.gather(1, clicked).squeeze(1)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
