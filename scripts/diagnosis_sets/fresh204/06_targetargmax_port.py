"""PyTorch port of ddqn_numpy.py: double DQN on logged transitions.

hidden (Linear 6 -> 24) -> tanh -> q (Linear 24 -> 3). The target network lives in buffers
tgt_hidden_w, tgt_hidden_b, tgt_q_w, tgt_q_b, refreshed at the start of every 4th update.
Online net picks a* on s', target net evaluates it; loss 0.5 * MSE on the taken actions;
torch.optim.SGD(lr=0.05, momentum=0.9).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DoubleDQN(nn.Module):
    def __init__(self, obs_dim=6, hidden=24, n_actions=3, gamma=0.95, sync_every=4):
        super().__init__()
        self.hidden = nn.Linear(obs_dim, hidden)
        self.q = nn.Linear(hidden, n_actions)
        self.register_buffer("tgt_hidden_w", torch.zeros(hidden, obs_dim))
        self.register_buffer("tgt_hidden_b", torch.zeros(hidden))
        self.register_buffer("tgt_q_w", torch.zeros(n_actions, hidden))
        self.register_buffer("tgt_q_b", torch.zeros(n_actions))
        self.gamma = gamma
        self.sync_every = sync_every
        self.step_count = 0

    def forward(self, x):
        return self.q(torch.tanh(self.hidden(x)))

    def target_net(self, x):
        h = torch.tanh(x @ self.tgt_hidden_w.T + self.tgt_hidden_b)
        return h @ self.tgt_q_w.T + self.tgt_q_b

    def update_target(self):
        with torch.no_grad():
            self.tgt_hidden_w.copy_(self.hidden.weight)
            self.tgt_hidden_b.copy_(self.hidden.bias)
            self.tgt_q_w.copy_(self.q.weight)
            self.tgt_q_b.copy_(self.q.bias)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    if model.step_count % model.sync_every == 0:
        model.update_target()
    s, s_next = X[:, 0], X[:, 1]
    a = y[:, 0].long()
    r, done = y[:, 1], y[:, 2]
    with torch.no_grad():
        best = model.target_net(s_next).argmax(dim=1, keepdim=True)
        q_eval = model.target_net(s_next).gather(1, best).squeeze(1)
        target = r + model.gamma * (1 - done) * q_eval

    optimizer.zero_grad()
    q_sa = model(s).gather(1, a[:, None]).squeeze(1)
    loss = 0.5 * F.mse_loss(q_sa, target)
    loss.backward()
    optimizer.step()
    model.step_count += 1
    return loss.item()
