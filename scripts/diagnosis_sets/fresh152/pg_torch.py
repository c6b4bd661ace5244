"""PyTorch port of pg_numpy.py: REINFORCE with a learned linear baseline, standardised
discounted returns, torch.optim.SGD(momentum=0.9) with StepLR(step_size=8, gamma=0.5).

Parameters: hidden.weight = W1, hidden.bias = b1, pi.weight = W2, pi.bias = b2,
value.weight = Wv, value.bias = bv.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ReinforceBaseline(nn.Module):
    def __init__(self, n_state=4, n_hidden=8, n_actions=3, gamma=0.95):
        super().__init__()
        self.hidden = nn.Linear(n_state, n_hidden)
        self.pi = nn.Linear(n_hidden, n_actions)
        self.value = nn.Linear(n_state, 1)
        self.n_state = n_state
        self.gamma = gamma

    def forward(self, s):
        logits = self.pi(torch.tanh(self.hidden(s)))
        return logits, self.value(s).squeeze(1)


def discounted_returns(r, done, gamma):
    G = torch.zeros_like(r)
    running = r.new_zeros(())
    for t in reversed(range(len(r))):
        running = r[t] + gamma * running * (1 - done[t])
        G[t] = running
    return G


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=8, gamma=0.5)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    d = model.n_state
    s, r, done = X[:, :d], X[:, d], X[:, d + 1]
    actions = y.long()
    G = discounted_returns(r, done, model.gamma)
    Gn = (G - G.mean()) / (G.std(unbiased=False) + 1e-8)

    logits, V = model(s)
    logp = F.log_softmax(logits, dim=-1)
    logp_a = logp.gather(1, actions.unsqueeze(1)).squeeze(1)
    adv = (Gn - V).detach()
    loss = -(logp_a * adv).mean() + 0.5 * F.mse_loss(V, Gn)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
