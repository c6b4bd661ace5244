"""PyTorch port of polyak_numpy.py: ReLU regressor, SGD momentum with weight decay, and a
shadow (EMA) copy of the weights used as a teacher for a consistency term.

Parameters: hidden.weight (20, 5) = W1.T, hidden.bias = b1, out.weight (2, 20) = W2.T,
out.bias = b2. The shadow weights are a dict of tensors beside the module's parameters.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LAM = 0.5


class EMARegressor(nn.Module):
    def __init__(self, n_in=5, hidden=20, n_out=2, decay=0.9):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_out)
        self.decay = decay
        self.shadow = None
        self.num_updates = 0

    def forward(self, x, weights=None):
        if weights is None:
            return self.out(F.relu(self.hidden(x)))
        h = F.relu(F.linear(x, weights["hidden.weight"], weights["hidden.bias"]))
        return F.linear(h, weights["out.weight"], weights["out.bias"])

    @torch.no_grad()
    def update_shadow(self):
        if self.shadow is None:
            self.shadow = {n: p.detach().clone() for n, p in self.named_parameters()}
            return
        self.num_updates += 1
        decay = min(self.decay, (1.0 + self.num_updates) / (10.0 + self.num_updates))
        for n, p in self.named_parameters():
            self.shadow[n].sub_((1.0 - decay) * (self.shadow[n] - p))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    if model.shadow is None:
        model.update_shadow()
    optimizer.zero_grad()
    pred = model(X)
    with torch.no_grad():
        target = model(X, model.shadow)
    loss = F.mse_loss(pred, y) + LAM * F.mse_loss(pred, target)
    loss.backward()
    optimizer.step()
    model.update_shadow()
    return loss.item()
