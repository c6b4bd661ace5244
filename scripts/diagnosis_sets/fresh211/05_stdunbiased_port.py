"""PyTorch port of gae_numpy.py: two-layer ReLU trunk shared by an actor and a critic, GAE
advantages (normalised) and critic targets from the logged rewards, clip_grad_norm_(0.2),
torch.optim.RMSprop.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

GAMMA = 0.97
LAM = 0.9
VF_COEF = 0.5
ENT_COEF = 0.01
MAX_GRAD_NORM = 0.2


class GAEActorCritic(nn.Module):
    def __init__(self, obs_dim=8, hidden=32, n_actions=5):
        super().__init__()
        self.fc1 = nn.Linear(obs_dim, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.actor = nn.Linear(hidden, n_actions)
        self.critic = nn.Linear(hidden, 1)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.actor(x), self.critic(x).squeeze(-1)


@torch.no_grad()
def compute_gae(rewards, dones, values, gamma=GAMMA, lam=LAM):
    n = rewards.shape[0]
    next_values = torch.cat([values[1:], values.new_zeros(1)])
    not_done = 1.0 - dones
    deltas = rewards + gamma * not_done * next_values - values
    advantages = torch.zeros_like(values)
    last = torch.zeros((), dtype=values.dtype)
    for t in reversed(range(n)):
        last = deltas[t] + gamma * lam * not_done[t] * last
        advantages[t] = last
    returns = advantages + values
    return advantages, returns


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.99, eps=1e-5)


def train_step(model, optimizer, X, y):
    actions = y[:, 0].long()
    optimizer.zero_grad()
    logits, values = model(X)
    advantages, returns = compute_gae(y[:, 1], y[:, 2], values.detach())
    advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)

    log_probs = F.log_softmax(logits, dim=1)
    entropy = -(log_probs.exp() * log_probs).sum(dim=1).mean()
    policy_loss = -(log_probs[torch.arange(len(actions)), actions] * advantages).mean()
    value_loss = 0.5 * (returns - values).pow(2).mean()
    loss = policy_loss + VF_COEF * value_loss - ENT_COEF * entropy
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_GRAD_NORM)
    optimizer.step()
    return loss.item()
