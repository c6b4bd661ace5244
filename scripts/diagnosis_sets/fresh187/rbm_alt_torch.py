"""Another port of rbm_numpy.py: nn.Linear holds W (as (hidden, visible)) and the hidden bias,
the free energy uses torch.logaddexp, the chain is written inline in train_step, and the
decayed parameters are picked by name.
"""

import torch
import torch.nn as nn


class RBM(nn.Module):
    def __init__(self, n_visible=16, n_hidden=10):
        super().__init__()
        self.hidden = nn.Linear(n_visible, n_hidden)
        self.visible_bias = nn.Parameter(torch.zeros(n_visible))

    def forward(self, v):
        """Free energy of each row of v."""
        x = self.hidden(v)
        return -(v * self.visible_bias).sum(-1) - torch.logaddexp(torch.zeros_like(x), x).sum(-1)


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters() if n.endswith("weight")]
    rest = [p for n, p in model.named_parameters() if not n.endswith("weight")]
    return torch.optim.SGD([{"params": decay, "weight_decay": 5e-3},
                            {"params": rest}], lr=0.1, momentum=0.5)


def train_step(model, optimizer, X, y):
    nh = model.hidden.out_features
    with torch.no_grad():
        ph0 = torch.sigmoid(model.hidden(X))
        h0 = torch.where(y[:, :nh] < ph0, 1.0, 0.0).to(X.dtype)
        pv1 = torch.sigmoid(h0 @ model.hidden.weight + model.visible_bias)
        v1 = torch.where(y[:, nh:] < pv1, 1.0, 0.0).to(X.dtype)
    optimizer.zero_grad()
    loss = (model(X) - model(v1)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
