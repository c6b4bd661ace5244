"""ElmanClassifier in PyTorch: the tanh recurrence written out with i2h = nn.Linear(D, H) and
h2h = nn.Linear(H, H, bias=False), looping over the sequence time-major; the last hidden state
into a linear head giving one logit; F.binary_cross_entropy_with_logits;
torch.optim.SGD(momentum=0.9, weight_decay=WD)."""

import torch
import torch.nn.functional as F
from torch import nn

T, D, H = 8, 2, 10
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3


class ElmanClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.i2h = nn.Linear(D, H)
        self.h2h = nn.Linear(H, H, bias=False)
        self.head = nn.Linear(H, 1)

    def forward(self, X):
        xs = X.view(X.shape[0], T, D).transpose(0, 1)
        h = X.new_zeros(X.shape[0], H)
        for x_t in xs:
            h = torch.tanh(self.i2h(x_t) + self.h2h(h))
        return self.head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
