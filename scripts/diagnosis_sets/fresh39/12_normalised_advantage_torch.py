"""NormalisedReinforce in PyTorch: returns-to-go standardised over the batch (population std),
log_softmax + gather for log pi(a|s), torch.optim.SGD with momentum."""

import torch
import torch.nn.functional as F
from torch import nn

GAMMA = 0.99
LR, MU = 0.05, 0.9


class NormalisedReinforce(nn.Module):
    def __init__(self, n_state=4, hidden=16, n_actions=3):
        super().__init__()
        self.l1 = nn.Linear(n_state, hidden)
        self.l2 = nn.Linear(hidden, n_actions)

    def forward(self, s):
        return self.l2(torch.tanh(self.l1(s)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    a, rewards = y[..., 0].long(), y[..., 1]
    G = torch.zeros_like(rewards)
    acc = torch.zeros_like(rewards[:, 0])
    for t in reversed(range(rewards.shape[1])):
        acc = rewards[:, t] + GAMMA * acc
        G[:, t] = acc
    adv = (G - G.mean()) / (G.std(correction=0) + 1e-8)
    log_p = F.log_softmax(model(X), dim=-1).gather(-1, a[..., None]).squeeze(-1)
    loss = -(adv * log_p).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
