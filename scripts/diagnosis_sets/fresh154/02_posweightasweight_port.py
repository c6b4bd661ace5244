"""PyTorch port of wd_numpy.py: wide-and-deep with one embedding table per categorical column.

Parameters, with the NumPy names:
    wide.0.weight (5, 1) = Ew0, wide.1.weight (4, 1) = Ew1,
    wide_num.weight (1, 3) = wn, wide_num.bias (1,) = bw,
    embs.0.weight (5, 3) = E0, embs.1.weight (4, 3) = E1,
    fc1.weight (8, 9) = W1.T, fc1.bias = b1, fc2.weight (1, 8) = W2.T, fc2.bias = b2.
Loss nn.BCEWithLogitsLoss(pos_weight=2), mean; torch.optim.Adagrad(lr=0.05,
initial_accumulator_value=0.1, eps=1e-10).
"""

import torch
import torch.nn as nn


class WideDeep(nn.Module):
    def __init__(self, cards=(5, 4), n_num=3, emb_dim=3, hidden=8):
        super().__init__()
        self.n_cat = len(cards)
        self.wide = nn.ModuleList([nn.Embedding(c, 1) for c in cards])
        self.wide_num = nn.Linear(n_num, 1)
        self.embs = nn.ModuleList([nn.Embedding(c, emb_dim) for c in cards])
        self.fc1 = nn.Linear(len(cards) * emb_dim + n_num, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, X):
        cat = X[:, :self.n_cat].long()
        num = X[:, self.n_cat:]
        xn = (num - num.mean(dim=0)) / num.std(dim=0, unbiased=False)
        wide = sum(emb(cat[:, i]) for i, emb in enumerate(self.wide)) + self.wide_num(xn)
        deep_in = torch.cat([emb(cat[:, i]) for i, emb in enumerate(self.embs)] + [xn], dim=1)
        deep = self.fc2(torch.relu(self.fc1(deep_in)))
        return (wide + deep).squeeze(1)


loss_fn = nn.BCEWithLogitsLoss(weight=torch.tensor(2.0))


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.05, initial_accumulator_value=0.1,
                               eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y.reshape(-1))
    loss.backward()
    optimizer.step()
    return loss.item()
