"""Another correct port of ddqn_numpy.py: the Q-network written with raw nn.Parameters,
the target network a frozen submodule holding buffers, the double-DQN target by indexing,
the loss written out as 0.5 * mean(td ** 2).
"""

import torch
import torch.nn as nn


class FrozenQ(nn.Module):
    def __init__(self, obs_dim, hidden, n_actions):
        super().__init__()
        self.register_buffer("w1", torch.empty(hidden, obs_dim))
        self.register_buffer("b1", torch.empty(hidden))
        self.register_buffer("w2", torch.empty(n_actions, hidden))
        self.register_buffer("b2", torch.empty(n_actions))

    def load_from(self, online):
        with torch.no_grad():
            for mine, theirs in zip((self.w1, self.b1, self.w2, self.b2),
                                    (online.w1, online.b1, online.w2, online.b2)):
                mine.copy_(theirs)

    def forward(self, x):
        return torch.addmm(self.b2, torch.tanh(torch.addmm(self.b1, x, self.w1.t())), self.w2.t())


class DoubleDQNAlt(nn.Module):
    def __init__(self, obs_dim=6, hidden=24, n_actions=3):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(hidden, obs_dim) * 0.4)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.w2 = nn.Parameter(torch.randn(n_actions, hidden) * 0.1)
        self.b2 = nn.Parameter(torch.zeros(n_actions))
        self.target = FrozenQ(obs_dim, hidden, n_actions)
        self.updates_done = 0

    def forward(self, x):
        return torch.tanh(x @ self.w1.t() + self.b1) @ self.w2.t() + self.b2


def make_optimizer(model):
    return torch.optim.SGD([model.w1, model.b1, model.w2, model.b2], lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y, gamma=0.95, sync_every=4):
    if model.updates_done % sync_every == 0:
        model.target.load_from(model)
    state, next_state = X[:, 0], X[:, 1]
    action = y[:, 0].to(torch.int64)
    reward, terminal = y[:, 1], y[:, 2]
    rows = torch.arange(len(action))
    with torch.no_grad():
        chosen = model(next_state).argmax(1)
        bootstrap = model.target(next_state)[rows, chosen]
        td_target = reward + gamma * bootstrap * (1 - terminal)
    optimizer.zero_grad(set_to_none=True)
    td = model(state)[rows, action] - td_target
    loss = 0.5 * (td ** 2).mean()
    loss.backward()
    optimizer.step()
    model.updates_done += 1
    return float(loss)
