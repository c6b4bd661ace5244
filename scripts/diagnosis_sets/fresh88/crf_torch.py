"""CRFTagger in PyTorch: a tanh MLP (two nn.Linear) for the per-step emissions, the transition
matrix and the start and end scores as nn.Parameters; the CRF negative log-likelihood from the
forward algorithm with torch.logsumexp, averaged over the rows, its gradient by autograd.
torch.optim.Adam with the transitions in their own group with weight_decay, and a LambdaLR linear
warmup."""

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

T, D, K, H = 6, 5, 4, 8
LR, WARMUP, WD = 0.02, 4, 0.01


class CRFTagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, H)
        self.emit = nn.Linear(H, K)
        self.trans = nn.Parameter(torch.zeros(K, K))
        self.start = nn.Parameter(torch.zeros(K))
        self.end = nn.Parameter(torch.zeros(K))

    def forward(self, X):
        x = X.view(X.shape[0], T, D)
        return self.emit(torch.tanh(self.hidden(x)))


def crf_nll(model, E, y):
    alpha = model.start + E[:, 0]
    for t in range(1, T):
        alpha = torch.logsumexp(alpha.unsqueeze(2) + model.trans, dim=1) + E[:, t]
    log_z = torch.logsumexp(alpha + model.end, dim=1)
    gold = (model.start[y[:, 0]]
            + E.gather(2, y.unsqueeze(2)).squeeze(2).sum(dim=1)
            + model.trans[y[:, :-1], y[:, 1:]].sum(dim=1)
            + model.end[y[:, -1]])
    return (log_z - gold).mean()


def make_optimizer(model):
    others = [p for name, p in model.named_parameters() if name != "trans"]
    optimizer = torch.optim.Adam([
        {"params": others, "weight_decay": 0.0},
        {"params": [model.trans], "weight_decay": WD},
    ], lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = crf_nll(model, model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
