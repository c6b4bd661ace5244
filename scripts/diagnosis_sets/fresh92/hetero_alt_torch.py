"""HeteroGaussian ported in another PyTorch style: an nn.Sequential trunk, the two heads in an
nn.ModuleDict, the variance written as torch.logaddexp(s, 0) + VAR_EPS, the Gaussian negative
log-likelihood written out, torch.optim.RMSprop(foreach=False) with two parameter groups and the
warm-up done by hand: the variance group's lr is set to 0 or LR before each optimizer.step(),
from a step counter kept on the model."""

import torch
from torch import nn

D_IN, HIDDEN = 6, 12
LR, ALPHA, EPS, VAR_EPS, WARMUP = 0.01, 0.9, 1e-6, 1e-3, 4


class HeteroGaussianAlt(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(D_IN, HIDDEN), nn.ReLU())
        self.heads = nn.ModuleDict({"mean": nn.Linear(HIDDEN, 1), "var": nn.Linear(HIDDEN, 1)})
        self.updates_done = 0

    def forward(self, X):
        h = self.trunk(X)
        s = self.heads["var"](h)
        return self.heads["mean"](h), torch.logaddexp(s, torch.zeros_like(s)) + VAR_EPS


def make_optimizer(model):
    mean_params = [*model.trunk.parameters(), *model.heads["mean"].parameters()]
    return torch.optim.RMSprop(
        [{"params": mean_params, "name": "mean"},
         {"params": list(model.heads["var"].parameters()), "name": "var"}],
        lr=LR, alpha=ALPHA, eps=EPS, foreach=False)


def train_step(model, optimizer, X, y):
    for group in optimizer.param_groups:
        if group["name"] == "var":
            group["lr"] = 0.0 if model.updates_done < WARMUP else LR
    optimizer.zero_grad(set_to_none=True)
    mu, var = model(X)
    nll = 0.5 * (var.log() + (y - mu).square() / var)
    loss = nll.mean()
    loss.backward()
    optimizer.step()
    model.updates_done += 1
    return loss.item()
