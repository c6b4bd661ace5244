"""Port of a tanh/softmax classifier (5 -> 8 -> 3): gradient accumulation over interleaved
micro-batches X[i::STRIDE], each mean cross-entropy weighted by its share of the batch; a weight
EMA kept apart in torch.optim.swa_utils.AveragedModel (outside the module, so its copies are not
parameters of the model); clip_grad_value_ with a bound the gradients never reach, as a guard."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

STRIDE, GUARD = 3, 1e6
_AVERAGES = {}


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 8)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def train_step(model, optimizer, X, y):
    if id(model) not in _AVERAGES:
        _AVERAGES[id(model)] = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.9))
    optimizer.zero_grad()
    total = 0.0
    for i in range(STRIDE):
        xb, yb = X[i::STRIDE], y[i::STRIDE]
        loss = F.cross_entropy(model(xb), yb) * (len(xb) / len(X))
        loss.backward()
        total += loss.item()
    nn.utils.clip_grad_value_(model.parameters(), GUARD)
    optimizer.step()
    _AVERAGES[id(model)].update_parameters(model)
    return total
