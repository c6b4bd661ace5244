"""PyTorch port of dqn_numpy.py: DQN on logged transitions.

Online Q-network fc1 -> ReLU -> fc2 -> ReLU -> head; the target network is kept as buffers
(target_fc1_weight, ...) refreshed from the online weights at the start of every 5th update.
Huber loss (F.smooth_l1_loss, beta 1) on the taken actions, rewards clipped to [-1, 1],
torch.optim.RMSprop(alpha=0.95, eps=1e-6).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

GAMMA = 0.99
SYNC_EVERY = 5


class QNetwork(nn.Module):
    def __init__(self, obs_dim=8, hidden=32, n_actions=4):
        super().__init__()
        self.fc1 = nn.Linear(obs_dim, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.head = nn.Linear(hidden, n_actions)
        for name, p in self.named_parameters():
            self.register_buffer("target_" + name.replace(".", "_"), p.detach().clone())
        self.n_updates = 0

    def forward(self, s):
        return self.head(F.relu(self.fc2(F.relu(self.fc1(s)))))

    def target_forward(self, s):
        h = F.relu(F.linear(s, self.target_fc1_weight, self.target_fc1_bias))
        h = F.relu(F.linear(h, self.target_fc2_weight, self.target_fc2_bias))
        return F.linear(h, self.target_head_weight, self.target_head_bias)

    @torch.no_grad()
    def sync_target(self):
        for name, p in self.named_parameters():
            getattr(self, "target_" + name.replace(".", "_")).copy_(p)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.95, eps=1e-6)


def train_step(model, optimizer, X, y):
    if model.n_updates % SYNC_EVERY == 0:
        model.sync_target()
    s, s_next = X[:, 0], X[:, 1]
    a = y[:, 0].long()
    r = y[:, 1]
    done = y[:, 2]
    with torch.no_grad():
        q_next = model.target_forward(s_next).max(dim=1).values
        target = r + GAMMA * (1.0 - done) * q_next

    optimizer.zero_grad()
    q_sa = model(s).gather(1, a.unsqueeze(1)).squeeze(1)
    loss = F.smooth_l1_loss(q_sa, target)
    loss.backward()
    optimizer.step()
    model.n_updates += 1
    return loss.item()
