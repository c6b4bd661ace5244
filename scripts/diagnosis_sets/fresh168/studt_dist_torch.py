"""Another port of studt_numpy.py: the layers in an nn.ModuleDict, the likelihood from
torch.distributions.StudentT(df=3, loc=mu, scale=softplus(raw) + 1e-3).log_prob.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import StudentT


class RobustRegressor(nn.Module):
    def __init__(self, n_in=6, hidden=20, df=3.0):
        super().__init__()
        self.layers = nn.ModuleDict({"fc": nn.Linear(n_in, hidden), "loc_scale": nn.Linear(hidden, 2)})
        self.df = df

    def forward(self, X):
        out = self.layers["loc_scale"](F.silu(self.layers["fc"](X)))
        return StudentT(self.df, out[:, 0], F.softplus(out[:, 1]) + 1e-3, validate_args=False)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = -model(X).log_prob(y).mean()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=2.0)
    optimizer.step()
    return loss.item()
