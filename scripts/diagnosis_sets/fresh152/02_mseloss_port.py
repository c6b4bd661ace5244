"""PyTorch port of dqn_numpy.py: double DQN, Huber TD loss, a target network refreshed every
5 updates, torch.optim.Adam.

Parameters: fc1.weight (8, 4) = W1.T, fc1.bias = b1, fc2.weight (3, 8) = W2.T, fc2.bias = b2.
The target network is kept as buffers (target_fc1_weight, ...), not parameters.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DoubleDQN(nn.Module):
    def __init__(self, n_state=4, n_hidden=8, n_actions=3, gamma=0.9, target_every=5):
        super().__init__()
        self.fc1 = nn.Linear(n_state, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_actions)
        self.n_state = n_state
        self.gamma = gamma
        self.target_every = target_every
        self.updates = 0
        for name, p in list(self.named_parameters()):
            self.register_buffer("target_" + name.replace(".", "_"), p.detach().clone())

    def forward(self, s):
        return self.fc2(torch.relu(self.fc1(s)))

    def target_q(self, s):
        h = torch.relu(F.linear(s, self.target_fc1_weight, self.target_fc1_bias))
        return F.linear(h, self.target_fc2_weight, self.target_fc2_bias)

    @torch.no_grad()
    def sync_target(self):
        for name, p in self.named_parameters():
            getattr(self, "target_" + name.replace(".", "_")).copy_(p)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    d = model.n_state
    s, r, done, s2 = X[:, :d], X[:, d], X[:, d + 1], X[:, d + 2:]
    actions = y.long()
    if model.updates % model.target_every == 0:
        model.sync_target()
    with torch.no_grad():
        a_star = model(s2).argmax(dim=1, keepdim=True)
        q_next = model.target_q(s2).gather(1, a_star).squeeze(1)
        target = r + model.gamma * (1 - done) * q_next
    q_sa = model(s).gather(1, actions.unsqueeze(1)).squeeze(1)
    loss = F.mse_loss(q_sa, target)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    model.updates += 1
    return loss.item()
