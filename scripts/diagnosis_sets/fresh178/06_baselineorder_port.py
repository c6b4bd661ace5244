"""PyTorch port of rb_numpy.py: REINFORCE with a running-mean baseline (a buffer, updated
after the step), entropy bonus, torch.optim.RMSprop(alpha=0.9).

    net.0 = layers[0], net.2 = layers[1], net.4 = layers[2]  (W as nn.Linear's weight)
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ReinforceBaseline(nn.Module):
    def __init__(self, sizes=(5, 16, 16, 3), baseline_momentum=0.9):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]), nn.ReLU(),
            nn.Linear(sizes[1], sizes[2]), nn.ReLU(),
            nn.Linear(sizes[2], sizes[3]),
        )
        self.register_buffer("baseline", torch.zeros(()))
        self.baseline_momentum = baseline_momentum

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y, entropy_coef=0.02):
    actions = y[:, 0].long()
    returns = y[:, 1]

    optimizer.zero_grad()
    logp = F.log_softmax(model(X), dim=1)
    logp_a = logp[torch.arange(len(actions)), actions]
    with torch.no_grad():
        m = model.baseline_momentum
        model.baseline.mul_(m).add_((1 - m) * returns.mean())
    adv = returns - model.baseline
    entropy = -(logp.exp() * logp).sum(dim=1).mean()
    loss = -(adv * logp_a).mean() - entropy_coef * entropy
    loss.backward()
    optimizer.step()
    return loss.item()
