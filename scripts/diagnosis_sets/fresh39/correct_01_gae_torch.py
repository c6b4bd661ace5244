"""GAEActorCritic in PyTorch: shared trunk, the advantages by the usual reversed loop
gae = delta_t + GAMMA LAM gae under torch.no_grad(), F.smooth_l1_loss for the value head,
Categorical log-probabilities, torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Categorical

GAMMA, LAM = 0.9, 0.95
VF_COEF = 0.5
LR = 0.01


class GAEActorCritic(nn.Module):
    def __init__(self, n_state=4, hidden=16, n_actions=3):
        super().__init__()
        self.trunk = nn.Linear(n_state, hidden)
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)

    def forward(self, s):
        h = torch.tanh(self.trunk(s))
        return self.pi(h), self.v(h).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    actions, rewards = y[..., 0].long(), y[..., 1]
    logits, values = model(X)
    with torch.no_grad():
        v_next = torch.cat([values[:, 1:], torch.zeros_like(values[:, :1])], dim=1)
        deltas = rewards + GAMMA * v_next - values
        advantages = torch.zeros_like(deltas)
        gae = torch.zeros_like(deltas[:, 0])
        for t in reversed(range(deltas.shape[1])):
            gae = deltas[:, t] + GAMMA * LAM * gae
            advantages[:, t] = gae
        returns = advantages + values
    policy_loss = -(advantages * Categorical(logits=logits).log_prob(actions)).mean()
    value_loss = F.smooth_l1_loss(values, returns)
    loss = policy_loss + VF_COEF * value_loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
