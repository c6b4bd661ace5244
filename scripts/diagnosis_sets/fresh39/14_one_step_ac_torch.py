"""OneStepActorCritic in PyTorch: shared trunk with policy and value heads, the TD target built
under torch.no_grad(), actor loss with the TD error detached, critic 0.5 * MSE weighted by
VF_COEF, torch.optim.SGD."""

import torch
import torch.nn.functional as F
from torch import nn

GAMMA = 0.95
VF_COEF = 0.5
LR = 0.2


class OneStepActorCritic(nn.Module):
    def __init__(self, n_state=4, hidden=12, n_actions=3):
        super().__init__()
        self.trunk = nn.Linear(n_state, hidden)
        self.actor = nn.Linear(hidden, n_actions)
        self.critic = nn.Linear(hidden, 1)

    def forward(self, s):
        h = torch.tanh(self.trunk(s))
        return self.actor(h), self.critic(h).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    s, s_next = X[:, 0], X[:, 1]
    a, r, done = y[:, 0].long(), y[:, 1], y[:, 2]
    with torch.no_grad():
        target = r + GAMMA * (1 - done) * model(s_next)[1]
    logits, v = model(s)
    delta = target - v
    log_pi = F.log_softmax(logits, dim=1)[torch.arange(len(a)), a]
    actor_loss = -(delta.detach() * log_pi).mean()
    critic_loss = 0.5 * (delta ** 2).mean()
    loss = actor_loss + VF_COEF * critic_loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
