"""FactorizationMachine in PyTorch: an nn.Linear(19, 1) for the bias and the linear term and a
raw (19, 4) nn.Parameter V; the categorical ids one-hot encoded with F.one_hot; the pairwise term
by the O(kn) identity; the log loss written as softplus(z) - y z, averaged; the L2 penalty on the
linear weights and V in the loss; torch.optim.Adagrad with initial_accumulator_value=0.1."""

import torch
import torch.nn.functional as F
from torch import nn

N_NUM, CARDS, K = 4, (5, 4, 6), 4
N_FEAT = N_NUM + sum(CARDS)
LR, LAM, INIT_ACC, EPS = 0.1, 0.01, 0.1, 1e-10


def features(X):
    blocks = [X[:, :N_NUM]]
    for f, card in enumerate(CARDS):
        blocks.append(F.one_hot(X[:, N_NUM + f].long(), card).to(X.dtype))
    return torch.cat(blocks, dim=1)


class FactorizationMachine(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(N_FEAT, 1)
        self.V = nn.Parameter(0.2 * torch.randn(N_FEAT, K))

    def forward(self, X):
        x = features(X)
        xv = x @ self.V
        pair = 0.5 * (xv.pow(2) - x.pow(2) @ self.V.pow(2)).sum(dim=1, keepdim=True)
        return (self.linear(x) + pair).squeeze(1)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=LR, initial_accumulator_value=INIT_ACC, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    data_loss = (F.softplus(z) - y * z).mean()
    penalty = 0.5 * LAM * (model.linear.weight.pow(2).sum() + model.V.pow(2).sum())
    loss = data_loss + penalty
    loss.backward()
    optimizer.step()
    return loss.item()
